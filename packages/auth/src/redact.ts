// C0 and C1 controls, DEL, line and paragraph separators and bidirectional overrides: anything
// that could forge a log line or disguise the text around it.
const CONTROL = /[\p{Cc}\u2028-\u202e\u2066-\u2069]/gu;

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
