import { redactSecrets } from "@thredfi/auth/internal";

/** Deeper JSON than this is kept as text: code that walks it recursively would overflow. */
const MAX_DEPTH = 64;

/**
 * The body of an error answer as the SDK hands it out: parsed JSON (else the text itself), with
 * every secret in its strings and keys replaced by `[redacted]`. A document nested deeper than 64
 * levels stays text, so that no `JSON.stringify` or other recursive walk of an error (the SDK's
 * or the caller's) can overflow the stack. Walks iteratively: never recursion over server data.
 */
export function errorBodyCopy(text: string, secrets: readonly string[]): unknown {
  const redactedText = redactSecrets(text, secrets);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redactedText === "" ? undefined : redactedText;
  }
  return redactedCopy(parsed, secrets) ?? redactedText;
}

type Container = Record<string, unknown> | unknown[];

const FIELD = (value: unknown): PropertyDescriptor => ({
  value,
  enumerable: true,
  writable: true,
  configurable: true,
});

/** A copy of `value` with secrets redacted, or `undefined` when it is nested too deeply. */
function redactedCopy(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (value === null || typeof value !== "object") return value;
  const root: Container = Array.isArray(value) ? [] : {};
  // Each entry: a source container, its copy, and its depth.
  const pending: [Container, Container, number][] = [[value as Container, root, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [source, copy, depth] = next;
    if (depth > MAX_DEPTH) return undefined;
    for (const [key, item] of Object.entries(source)) {
      let itemCopy: unknown = item;
      if (typeof item === "string") itemCopy = redactSecrets(item, secrets);
      else if (item !== null && typeof item === "object") {
        itemCopy = Array.isArray(item) ? [] : {};
        pending.push([item as Container, itemCopy as Container, depth + 1]);
      }
      if (Array.isArray(copy)) copy.push(itemCopy);
      // A defined property, not an assignment: a `__proto__` key must stay a key.
      else Object.defineProperty(copy, redactSecrets(key, secrets), FIELD(itemCopy));
    }
  }
  return root;
}
