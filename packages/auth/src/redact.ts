/**
 * Makes server-provided text safe to put in an error: every known secret is replaced. Servers
 * sometimes echo credentials back in error bodies.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((safe, secret) => safe.replaceAll(secret, "[redacted]"), text);
}
