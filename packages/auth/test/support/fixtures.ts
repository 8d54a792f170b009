import type { ThredfiClientOptions } from "../../src/index.js";
import { createThredfiClient } from "../../src/index.js";
import type { TestServer } from "./test-server.js";

/** The partner id of the Thredfi docs' own examples (not an RFC 4122 variant). */
export const PARTNER_ID = "a1b2c3d4-5678-90ab-cdef-1234567890ab";
/** An API key with non-ASCII characters, so Basic encoding must be UTF-8 safe. */
export const API_KEY = "sk_test_Ünïcødé-🔑-5ecret-value";
export const BUSINESS_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
export const OTHER_BUSINESS_ID = "11111111-2222-3333-4444-555555555555";

/** Numbered business ids: `businessId(7)` → `00000000-0000-4000-8000-000000000007`. */
export function businessId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/** Log lines of a client, for leak checks and assertions. */
export function recordingLogger(): {
  lines: string[];
  debug(m: string): void;
  warn(m: string): void;
} {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(`debug ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

/** A partner client pointed at the test server. */
export function clientFor(server: TestServer, options: Partial<ThredfiClientOptions> = {}) {
  return createThredfiClient({
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    baseUrl: server.url,
    ...options,
  });
}

/** Catches what `promise` rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/**
 * The global fetch with at most `limit` requests on the wire at once, so a thousand concurrent
 * calls reuse a few keep-alive sockets instead of opening a thousand.
 */
export function fetchWithLimit(limit: number): (request: Request) => Promise<Response> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (request) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fetch(request);
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
