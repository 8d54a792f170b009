const MAX_LENGTH = 500;
// Control characters, line and paragraph separators and bidirectional overrides: text that
// could forge or hide log lines and messages.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes server-provided text safe for a message or a log line: secrets replaced, control and
 * bidi characters escaped as `\uXXXX`, at most 500 characters.
 */
export function safeText(text: string, secrets: readonly string[] = []): string {
  const escaped = redact(text, secrets).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return escaped.length > MAX_LENGTH ? `${escaped.slice(0, MAX_LENGTH)}…` : escaped;
}

/** Replaces every secret in `text` with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let safe = text;
  for (const secret of secrets) if (secret) safe = safe.replaceAll(secret, "[redacted]");
  return safe;
}

/** A copy of a parsed JSON body (or text) with every secret in its strings redacted. */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[redact(key, secrets)] = redactDeep(item, secrets);
    }
    return copy;
  }
  return value;
}
