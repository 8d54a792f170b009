import type { paths } from "@thredfi/types";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createThredfiClient, ThredfiAuthError } from "../../src/index.js";
import { callFor, type OperationCall, operationCalls } from "./operation-calls.js";
import { type Exchange, type RecordingFetch, recordingFetch } from "./recording-fetch.js";
import { matchesPathTemplate, type SpecOperation, specOperations } from "./spec-operations.js";

const PARTNER_ID = "a1b2c3d4-5678-90ab-cdef-1234567890ab";
const API_KEY = "contract-suite-api-key";
const operations = specOperations();

// The mock of the `@thredfi/mock/vitest` global setup, serving the spec read below.
const mockUrl = inject("thredfiMockUrl");
let recorder: RecordingFetch;
let businessId: string;

beforeAll(async () => {
  recorder = recordingFetch();
  // The business the partner creates is the one every business operation works on.
  const { data } = (await call(callFor("create_business"))) as ApiOutcome;
  businessId = (data as { id: string }).id;
}, 60_000);
afterEach(() => {
  recorder.clearPreference();
  expect(recorder.violations()).toEqual([]);
});

type CreateBusinessBody =
  paths["/v1/platform/businesses/"]["post"]["requestBody"]["content"]["application/json"];
type ApiOutcome = Awaited<ReturnType<Extract<OperationCall, { kind: "api" }>["run"]>>;

function newClient() {
  return createThredfiClient({
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    baseUrl: mockUrl,
    fetch: recorder.fetch,
  });
}

/** Runs an operation's call with a fresh client, so no cached token hides a token request. */
function call(operationCall: OperationCall): Promise<unknown> {
  return operationCall.run(newClient(), businessId);
}

function isTokenEndpoint(operation: SpecOperation): boolean {
  return operation.path.endsWith("/oauth2/token/");
}

describe("the contract suite covers the spec", () => {
  it("reads operations from the spec", () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(
      operations.length,
    );
  });

  it("has an SDK call for every operation of the spec, of the right kind", () => {
    const uncovered = operations.filter((operation) => !(operation.operationId in operationCalls));
    expect(uncovered.map((operation) => operation.operationId)).toEqual([]);
    for (const operation of operations) {
      expect(operationCalls[operation.operationId]?.kind, operation.operationId).toBe(
        isTokenEndpoint(operation) ? "token" : "api",
      );
    }
  });
});

describe.each(operations)("$operationId ($method $path)", (operation) => {
  it("succeeds through the SDK with a documented status and no spec violation", async () => {
    const outcome = await call(callFor(operation.operationId));
    if (isTokenEndpoint(operation)) {
      expect(outcome).toMatchObject({ access_token: expect.any(String) });
      expect((outcome as { expires_in: number }).expires_in).toBeGreaterThan(0);
    } else {
      const { data, error, response } = outcome as ApiOutcome;
      expect(error).toBeUndefined();
      expect(data).toBeDefined();
      expect(operation.successStatuses).toContain(response.status);
    }
    expect(sentTo(operation)).toBe(true);
  });

  it.each(operation.errorStatuses)(
    "answers a documented %i as the documented typed result",
    async (status) => {
      recorder.prefer({ method: operation.method, path: operation.path, status });
      if (isTokenEndpoint(operation)) {
        const failure = await call(callFor(operation.operationId)).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(ThredfiAuthError);
        expect((failure as ThredfiAuthError).status).toBe(status);
        expect((failure as ThredfiAuthError).message).not.toContain(API_KEY);
      } else {
        const { data, error, response } = (await call(
          callFor(operation.operationId),
        )) as ApiOutcome;
        expect(response.status).toBe(status);
        expect(data).toBeUndefined();
        expect(error).toMatchObject({ error: expect.any(String) });
      }
      expect(answeredWith(operation, status)).toBe(true);
    },
  );
});

describe("the violation check", () => {
  it("sees the sl-violations header of a request body that breaks the spec", async () => {
    const body = { external_id: "acme-001" } as unknown as CreateBusinessBody;
    const { response } = await newClient().partner.POST("/v1/platform/businesses/", { body });
    expect(response.headers.get("sl-violations")).toContain("legal_name");
    expect(takeViolations()).toHaveLength(1);
  });

  it("sees the problem Prism answers to a request it cannot serve", async () => {
    const { response } = await newClient().partner.GET("/v1/platform/businesses/", {
      params: { query: { page_size: 1000 } },
    });
    expect(response.status).toBe(422);
    expect(takeViolations()).toEqual([
      expect.objectContaining({ path: "/v1/platform/businesses/" }),
    ]);
  });
});

/** Removes and returns the exchanges with violations, so the deliberate ones do not fail the run. */
function takeViolations(): Exchange[] {
  const violations = recorder.violations();
  for (const exchange of violations)
    recorder.exchanges.splice(recorder.exchanges.indexOf(exchange), 1);
  return violations;
}

describe("after every call", () => {
  it("every operation of the spec was sent by the SDK with every documented status", () => {
    const missing: string[] = [];
    for (const operation of operations) {
      if (!sentTo(operation)) missing.push(`${operation.operationId} (no request)`);
      for (const status of operation.errorStatuses) {
        if (!answeredWith(operation, status)) missing.push(`${operation.operationId} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

function sentTo(operation: SpecOperation): boolean {
  return recorder.exchanges.some(
    (exchange) =>
      exchange.method === operation.method &&
      matchesPathTemplate(operation.path, exchange.path) &&
      operation.successStatuses.includes(exchange.status),
  );
}

function answeredWith(operation: SpecOperation, status: number): boolean {
  return recorder.exchanges.some(
    (exchange) =>
      exchange.method === operation.method &&
      matchesPathTemplate(operation.path, exchange.path) &&
      exchange.status === status,
  );
}
