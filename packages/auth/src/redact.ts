// Controls (C0, C1, DEL), line and paragraph separators and format characters (bidirectional
// marks and overrides, zero-width and tag characters): anything that could forge a log line or
// disguise the text around it.
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * Makes server-provided text safe to put in an error or a log line: every known secret is
 * replaced (servers sometimes echo credentials back in error bodies), control characters are
 * escaped as `\uXXXX`, and the result is cut at 1000 characters.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .reduce((safe, secret) => safe.replaceAll(secret, "[redacted]"), text)
    .replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .slice(0, 1000);
}
