import type { TestServer } from "@thredfi/test-support";
import { vi } from "vitest";
import type { ThredfiClientOptions, ThredfiLogger } from "../../src/index.js";
import { createAuthClient } from "../../src/index.js";

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

/** Log lines of a client, each prefixed with its level, for leak checks and assertions. */
export function recordingLogger(): Required<ThredfiLogger> & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (m: string) => void lines.push(`${level} ${m}`);
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A promise the test resolves when it likes: hold a reply with `until: gate.promise`. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Retries `assertion` until it passes (for work that goes on in the background), for up to 5 s. */
export function eventually(assertion: () => unknown): Promise<unknown> {
  return vi.waitFor(assertion, { timeout: 5000, interval: 5 });
}

/** Gives background work that was started, such as a token request on loopback, time to finish. */
export function settled(): Promise<unknown> {
  return sleep(50);
}

/** Resolves after `ms` with `value`. */
export function sleep<T>(ms: number, value?: T): Promise<T | undefined> {
  return new Promise((resolve) => setTimeout(resolve, ms, value));
}

/** A partner client pointed at the test server. */
export function clientFor(server: TestServer, options: Partial<ThredfiClientOptions> = {}) {
  return createAuthClient({
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
