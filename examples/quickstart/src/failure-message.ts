import { ThredfiError } from "@thredfi/client";

/**
 * One line saying why the quickstart failed. A `ThredfiError` is named by its class, whose
 * message already says what Thredfi answered (e.g. `404 business_not_found: Business not found`)
 * and never holds a key or token.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof ThredfiError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
