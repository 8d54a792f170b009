const KEY_HEADER = "idempotency-key";

/** Whether requests of `method` get an `Idempotency-Key` (and are only retried with one). */
export function takesIdempotencyKey(method: string): boolean {
  return method === "POST" || method === "PATCH";
}

/**
 * The init of a POST or PATCH call with an `Idempotency-Key` header: the caller's own (from
 * `headers` or `params.header`, any spelling) is kept; otherwise a new UUID v4 is added. `key`
 * is `null` when the caller removed the header with `null`.
 */
export function withIdempotencyKey(init: Record<string, unknown>): {
  init: Record<string, unknown>;
  key: string | null;
} {
  const params = init.params as { header?: unknown } | undefined;
  const fromHeaders = headerOf(init.headers);
  const own = fromHeaders === undefined ? headerOf(params?.header) : fromHeaders;
  if (own !== undefined) return { init, key: own };
  const key = newIdempotencyKey();
  const { headers } = init;
  if (headers instanceof Headers) {
    const copy = new Headers(headers);
    copy.set("Idempotency-Key", key);
    return { init: { ...init, headers: copy }, key };
  }
  return {
    init: { ...init, headers: { ...(headers as object | undefined), "Idempotency-Key": key } },
    key,
  };
}

/** Adds a new `Idempotency-Key` to a POST or PATCH request without one. */
export function ensureIdempotencyKey(request: Request): void {
  if (takesIdempotencyKey(request.method) && !request.headers.has(KEY_HEADER)) {
    request.headers.set("Idempotency-Key", newIdempotencyKey());
  }
}

/** A random UUID v4, also where `crypto.randomUUID` is missing (insecure browser contexts). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// undefined: no such header; null: removed by the caller; else its value.
function headerOf(headers: unknown): string | null | undefined {
  if (headers instanceof Headers) return headers.get(KEY_HEADER) ?? undefined;
  if (headers === null || typeof headers !== "object") return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === KEY_HEADER && value !== undefined) {
      return value === null ? null : String(value);
    }
  }
  return undefined;
}
