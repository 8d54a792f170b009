// Controls (C0, C1, DEL), line and paragraph separators and format characters (bidirectional
// marks and overrides, zero-width and tag characters): anything that could forge a log line or
// disguise the text around it.
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** Longest server text that reaches a message or a log line. */
const MAX_LENGTH = 1000;

/**
 * Makes server-provided text safe to put in an error or a log line: every secret is replaced by
 * `[redacted]` (servers sometimes echo credentials back), control and invisible format characters
 * are escaped as `\uXXXX`, and the result is cut at 1000 characters.
 */
export function safeText(text: string, secrets: readonly string[] = []): string {
  const escaped = redactSecrets(text, secrets).replace(UNSAFE, (char) => {
    const code = char.codePointAt(0) as number;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  return escaped.length > MAX_LENGTH ? `${escaped.slice(0, MAX_LENGTH)}…` : escaped;
}

/** `text` with every (non-empty) secret replaced by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let safe = text;
  for (const secret of secrets) if (secret) safe = safe.replaceAll(secret, "[redacted]");
  return safe;
}
