import { inspect } from "node:util";
import { type TestServer, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import {
  ThredfiApiError,
  ThredfiConflictError,
  ThredfiError,
  ThredfiNotFoundError,
  ThredfiPermissionDeniedError,
  unwrap,
} from "../src/index.js";
import {
  API_KEY,
  BUSINESSES_PATH,
  clientFor,
  ERROR_CLASS_BY_STATUS,
  rejectionOf,
  throwingClientFor,
} from "./support/fixtures.js";

const server = useTestServer();

/** The error `unwrap` throws for one answer of the server to `GET /v1/platform/businesses/`. */
async function errorFor(reply: Parameters<TestServer["always"]>[2]): Promise<ThredfiApiError> {
  server.always("GET", BUSINESSES_PATH, reply);
  const thredfi = clientFor(server, { maxRetries: 0 });
  return (await rejectionOf(unwrap(thredfi.partner.GET(BUSINESSES_PATH)))) as ThredfiApiError;
}

describe("one error class per common status", () => {
  it.each(ERROR_CLASS_BY_STATUS)(
    "a %i answer throws %o, a ThredfiApiError and a ThredfiError",
    async (status, ErrorClass) => {
      const error = await errorFor({ status, json: { error: "nope", error_code: "some_code" } });
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(ThredfiApiError);
      expect(error).toBeInstanceOf(ThredfiError);
      expect(error.name).toBe(ErrorClass.name);
      expect(error.status).toBe(status);
    },
  );
});

describe("the fields of a ThredfiApiError", () => {
  it("takes code from error_code and the message from error, with details per field", async () => {
    const error = await errorFor({
      status: 400,
      json: {
        error: "Invalid input",
        error_code: "validation_error",
        details: { email: ["Enter a valid email address."] },
      },
    });
    expect(error.code).toBe("validation_error");
    expect(error.message).toContain("Invalid input");
    expect(error.details).toEqual({ email: ["Enter a valid email address."] });
    expect(error.body).toEqual({
      error: "Invalid input",
      error_code: "validation_error",
      details: { email: ["Enter a valid email address."] },
    });
  });

  it("takes code from an OAuth2 error and the message from error_description", async () => {
    const error = await errorFor({
      status: 401,
      json: { error: "invalid_token", error_description: "The token expired" },
    });
    expect(error.code).toBe("invalid_token");
    expect(error.message).toContain("The token expired");
    expect(error.details).toBeUndefined();
  });

  it("falls back to http_<status> for a body without a code", async () => {
    const error = await errorFor({ status: 502, text: "Bad gateway from the proxy" });
    expect(error.code).toBe("http_502");
    expect(error.message).toContain("Bad gateway from the proxy");
    expect(error.body).toBe("Bad gateway from the proxy");
  });

  it("does not take a sentence in error for a code", async () => {
    const error = await errorFor({ status: 500, json: { error: "Something went wrong" } });
    expect(error.code).toBe("http_500");
    expect(error.message).toContain("Something went wrong");
  });

  it("reads requestId from x-request-id", async () => {
    const error = await errorFor({
      status: 404,
      json: { error: "Not found", error_code: "business_not_found" },
      headers: { "x-request-id": "req_123" },
    });
    expect(error.requestId).toBe("req_123");
    expect(error.headers.get("x-request-id")).toBe("req_123");
  });

  it("reads requestId from request-id", async () => {
    const error = await errorFor({ status: 404, json: {}, headers: { "request-id": "req_456" } });
    expect(error.requestId).toBe("req_456");
  });

  it("leaves requestId undefined without such a header", async () => {
    const error = await errorFor({ status: 404, json: {} });
    expect(error.requestId).toBeUndefined();
  });

  it("counts the attempts, retries included", async () => {
    server.always("GET", BUSINESSES_PATH, { status: 503, json: {} });
    const thredfi = clientFor(server, { maxRetries: 2 });
    const error = (await rejectionOf(
      unwrap(thredfi.partner.GET(BUSINESSES_PATH)),
    )) as ThredfiApiError;
    expect(error.attempts).toBe(3);
  });

  it("escapes control characters of the server's words, so a line cannot be forged", async () => {
    const error = await errorFor({
      status: 400,
      json: { error: "bad\nthredfi: forged line\u001b[31m", error_code: "validation_error" },
    });
    expect(error.message).not.toContain("\n");
    expect(error.message).not.toContain("\u001b");
    expect(error.message).toContain("\\u000a");
  });

  it("keeps a huge error body out of the message", async () => {
    const error = await errorFor({ status: 500, text: "x".repeat(1_000_000) });
    expect(error.message.length).toBeLessThan(1100);
  });
});

describe("secrets in error bodies", () => {
  it("redacts the API key and the token the server echoes back, in message, body and JSON", async () => {
    const thredfi = clientFor(server, { maxRetries: 0 });
    const { access_token: token } = await thredfi.tokens.partner();
    server.always("GET", BUSINESSES_PATH, {
      status: 400,
      json: { error: `bad key ${API_KEY} and token ${token}`, error_code: `code ${token}` },
    });
    const error = await rejectionOf(unwrap(thredfi.partner.GET(BUSINESSES_PATH)));
    for (const shown of [
      (error as Error).message,
      (error as Error).stack,
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
    ]) {
      expect(shown).not.toContain(API_KEY);
      expect(shown).not.toContain(token);
    }
    expect(JSON.stringify((error as ThredfiApiError).body)).toContain("[redacted]");
  });
});

describe("default mode, unwrap and throwOnError", () => {
  it("default mode returns { error, response } with the typed error body and throws nothing", async () => {
    server.always("GET", BUSINESSES_PATH, {
      status: 404,
      json: { error: "Not found", error_code: "business_not_found" },
    });
    const { data, error, response } = await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "Not found", error_code: "business_not_found" });
    expect(response.status).toBe(404);
  });

  it("unwrap returns the data of a 2xx answer, from the result or its promise", async () => {
    const thredfi = clientFor(server);
    expect(await unwrap(thredfi.partner.GET(BUSINESSES_PATH))).toEqual({ ok: true });
    expect(unwrap(await thredfi.partner.GET(BUSINESSES_PATH))).toEqual({ ok: true });
  });

  it("unwrap throws for a non-2xx answer with an empty body", async () => {
    const error = await errorFor({ status: 409, text: "" });
    expect(error).toBeInstanceOf(ThredfiConflictError);
    expect(error.code).toBe("http_409");
  });

  it("a throwOnError client throws the matching error on a non-2xx answer", async () => {
    server.always("GET", BUSINESSES_PATH, {
      status: 403,
      json: { error: "business_id does not match token scope", error_code: "permission_denied" },
    });
    const error = await rejectionOf(throwingClientFor(server).partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiPermissionDeniedError);
    expect((error as ThredfiApiError).code).toBe("permission_denied");
  });

  it("a throwOnError client resolves { data, response } on a 2xx answer", async () => {
    const { data, response } = await throwingClientFor(server).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
  });

  it("a throwOnError client's business client throws too", async () => {
    server.always("GET", `/v1/platform/businesses/${"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}/`, {
      status: 404,
      json: { error_code: "business_not_found" },
    });
    const id = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    const error = await rejectionOf(
      throwingClientFor(server)
        .business(id)
        .GET("/v1/platform/businesses/{business_id}/", { params: { path: { business_id: id } } }),
    );
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
  });
});
