import type { TestServer } from "@thredfi/test-support";
import {
  createThredfiClient,
  ThredfiApiError,
  ThredfiAuthenticationError,
  ThredfiBadRequestError,
  type ThredfiClientOptions,
  ThredfiConflictError,
  ThredfiInternalServerError,
  ThredfiNotFoundError,
  ThredfiPermissionDeniedError,
  ThredfiRateLimitError,
  ThredfiUnprocessableEntityError,
} from "../../src/index.js";

/** The partner id of the Thredfi docs' own examples. */
export const PARTNER_ID = "a1b2c3d4-5678-90ab-cdef-1234567890ab";
/** An API key with non-ASCII characters. */
export const API_KEY = "sk_test_Ünïcødé-🔑-5ecret-value";
export const BUSINESS_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
export const BUSINESSES_PATH = "/v1/platform/businesses/";
export const BUSINESS_PATH = `/v1/platform/businesses/${BUSINESS_ID}/`;
/** The error class of each status, one of each common one, plus one the SDK has no class for. */
export const ERROR_CLASS_BY_STATUS = [
  [400, ThredfiBadRequestError],
  [401, ThredfiAuthenticationError],
  [403, ThredfiPermissionDeniedError],
  [404, ThredfiNotFoundError],
  [409, ThredfiConflictError],
  [422, ThredfiUnprocessableEntityError],
  [429, ThredfiRateLimitError],
  [500, ThredfiInternalServerError],
  [503, ThredfiInternalServerError],
  [418, ThredfiApiError],
] as const;

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Backoff small enough for tests: retries wait at most a few milliseconds. */
export const FAST_RETRIES = { initialDelayMs: 1, maxDelayMs: 4 } as const;

/** Log lines of a client, each prefixed with its level. */
export function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    debug: (m: string) => lines.push(`debug ${m}`),
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
}

/** A partner client pointed at the test server, with fast retries and a silent logger. */
export function clientFor(server: TestServer, options: Partial<ThredfiClientOptions> = {}) {
  return createThredfiClient({ ...testServerOptions(server), ...options });
}

/** A client created with `throwOnError: true`. */
export function throwingClientFor(server: TestServer, options: Partial<ThredfiClientOptions> = {}) {
  return createThredfiClient({ ...testServerOptions(server), ...options, throwOnError: true });
}

function testServerOptions(server: TestServer) {
  return {
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    baseUrl: server.url,
    retryBackoff: FAST_RETRIES,
    logger: {},
  };
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

/** Requests the server received for `method path`. */
export function received(server: TestServer, method: string, path: string) {
  return server.requests.filter((r) => r.method === method && r.path === path);
}
