const KEY_HEADER = "idempotency-key";

/** Whether requests of `method` get an `Idempotency-Key` (and are only retried with one). */
export function takesIdempotencyKey(method: string): boolean {
  return method === "POST" || method === "PATCH";
}

/**
 * Puts the `Idempotency-Key` of a POST or PATCH call on `headers`: `requested` when the caller
 * named one, none when the caller removed it with `null`, else a new UUID v4. Returns whether a
 * POST or PATCH call carries a key (`false` for every other method).
 */
export function applyIdempotencyKey(
  method: string,
  headers: Headers,
  requested: string | null | undefined,
): boolean {
  // Other methods are retried with or without a key: whether they carry one does not matter.
  if (!takesIdempotencyKey(method)) return false;
  if (requested === null) {
    headers.delete(KEY_HEADER);
    return false;
  }
  headers.set(KEY_HEADER, requested ?? newIdempotencyKey());
  return true;
}

/**
 * The `Idempotency-Key` a caller wrote into headers given as an object or a `Headers` (any
 * spelling): `undefined` for none, `null` when removed with `null`, else its value.
 */
export function idempotencyKeyIn(headers: unknown): string | null | undefined {
  if (headers instanceof Headers) return headers.get(KEY_HEADER) ?? undefined;
  if (headers === null || typeof headers !== "object") return undefined;
  for (const name in headers) {
    const value = (headers as Record<string, unknown>)[name];
    if (name.toLowerCase() === KEY_HEADER && value !== undefined) {
      return value === null ? null : String(value);
    }
  }
  return undefined;
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
