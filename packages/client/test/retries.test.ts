import { PARTNER_TOKEN_PATH, startTestServer, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { ThredfiAuthError, ThredfiConnectionError, type ThredfiTokens } from "../src/index.js";
import {
  BUSINESS_ID,
  BUSINESS_PATH,
  BUSINESSES_PATH,
  clientFor,
  received,
  rejectionOf,
  UUID_V4,
} from "./support/fixtures.js";

const server = useTestServer();

const created = {
  external_id: "acme-001",
  legal_name: "Acme",
  entity_type: "company",
  email: "a@acme.example",
};

describe("which answers are retried", () => {
  it.each([408, 429, 500, 502, 503, 504])(
    "a %i is retried, up to maxRetries (default 2)",
    async (status) => {
      server.always("GET", BUSINESSES_PATH, { status, json: {} });
      const { response } = await clientFor(server).partner.GET(BUSINESSES_PATH);
      expect(response.status).toBe(status);
      expect(server.count("GET", BUSINESSES_PATH)).toBe(3);
    },
  );

  it.each([400, 401, 403, 404, 409, 422])("a %i is never retried", async (status) => {
    server.always("GET", BUSINESSES_PATH, { status, json: {} });
    await clientFor(server).partner.GET(BUSINESSES_PATH);
    // A 401 gets the token layer's one replay with a fresh token, nothing more.
    expect(server.count("GET", BUSINESSES_PATH)).toBe(status === 401 ? 2 : 1);
  });

  it("a call that fails twice succeeds on its third attempt", async () => {
    server.queue("GET", BUSINESSES_PATH, { status: 503, json: {} }, { status: 500, json: {} });
    const { data, response } = await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
    expect(server.count("GET", BUSINESSES_PATH)).toBe(3);
  });

  it("maxRetries 0 sends once", async () => {
    server.always("GET", BUSINESSES_PATH, { status: 503, json: {} });
    await clientFor(server, { maxRetries: 0 }).partner.GET(BUSINESSES_PATH);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(1);
  });

  it("maxRetries 5 sends six times", async () => {
    server.always("GET", BUSINESSES_PATH, { status: 500, json: {} });
    await clientFor(server, { maxRetries: 5 }).partner.GET(BUSINESSES_PATH);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(6);
  });

  it("a dropped connection is retried and, when it keeps failing, throws ThredfiConnectionError with its cause", async () => {
    server.always("GET", BUSINESSES_PATH, { destroy: true });
    const error = await rejectionOf(clientFor(server).partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect((error as ThredfiConnectionError).cause).toBeInstanceOf(TypeError);
    expect((error as ThredfiConnectionError).attempts).toBe(3);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(3);
  });

  it("a dropped connection followed by an answer succeeds", async () => {
    server.queue("GET", BUSINESSES_PATH, { destroy: true });
    const { response } = await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
  });

  it("an unreachable server throws ThredfiConnectionError, never a raw TypeError", async () => {
    const closed = await startTestServer();
    await closed.close();
    const thredfi = clientFor(closed);
    const error = await rejectionOf(thredfi.partner.GET(BUSINESSES_PATH));
    // The token request fails first: a ThredfiAuthError whose cause is the connection error.
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect((error as ThredfiAuthError).code).toBe("network_error");
    expect((error as ThredfiAuthError).cause).toBeInstanceOf(ThredfiConnectionError);
  });
});

describe("which methods are retried", () => {
  it.each(["PUT", "DELETE", "OPTIONS", "HEAD"] as const)("%s is retried", async (method) => {
    server.always(method, BUSINESS_PATH, { status: 503, json: {} });
    await clientFor(server).partner.request(
      method.toLowerCase() as "get",
      "/v1/platform/businesses/{business_id}/",
      {
        params: { path: { business_id: BUSINESS_ID } },
      },
    );
    expect(server.count(method, BUSINESS_PATH)).toBe(3);
  });

  it("POST gets an Idempotency-Key, a UUID v4, and is retried with the same key", async () => {
    server.always("POST", BUSINESSES_PATH, { status: 503, json: {} });
    await clientFor(server).partner.POST(BUSINESSES_PATH, { body: created });
    const keys = received(server, "POST", BUSINESSES_PATH).map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(1);
  });

  it("PATCH gets an Idempotency-Key and is retried with the same key", async () => {
    server.always("PATCH", BUSINESS_PATH, { status: 500, json: {} });
    await clientFor(server).partner.PATCH("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
      body: { legal_name: "Acme Ltd" },
    });
    const keys = received(server, "PATCH", BUSINESS_PATH).map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(1);
  });

  it("each call gets its own key", async () => {
    const thredfi = clientFor(server);
    await thredfi.partner.POST(BUSINESSES_PATH, { body: created });
    await thredfi.partner.POST(BUSINESSES_PATH, { body: created });
    const keys = received(server, "POST", BUSINESSES_PATH).map((r) => r.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(2);
  });

  it("GET carries no Idempotency-Key", async () => {
    await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(received(server, "GET", BUSINESSES_PATH)[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  it("a key the caller set in headers is kept, whatever its spelling", async () => {
    server.queue("POST", BUSINESSES_PATH, { status: 503, json: {} });
    await clientFor(server).partner.POST(BUSINESSES_PATH, {
      body: created,
      headers: { "idempotency-KEY": "my-own-key" },
    });
    const keys = received(server, "POST", BUSINESSES_PATH).map((r) => r.headers["idempotency-key"]);
    expect(keys).toEqual(["my-own-key", "my-own-key"]);
  });

  it("a key the caller set in a Headers object is kept", async () => {
    await clientFor(server).partner.POST(BUSINESSES_PATH, {
      body: created,
      headers: new Headers({ "Idempotency-Key": "from-headers" }),
    });
    expect(received(server, "POST", BUSINESSES_PATH)[0]?.headers["idempotency-key"]).toBe(
      "from-headers",
    );
  });

  it("a POST whose caller removed the key is not retried", async () => {
    server.always("POST", BUSINESSES_PATH, { status: 503, json: {} });
    await clientFor(server).partner.POST(BUSINESSES_PATH, {
      body: created,
      headers: { "Idempotency-Key": null },
    });
    expect(server.count("POST", BUSINESSES_PATH)).toBe(1);
    expect(
      received(server, "POST", BUSINESSES_PATH)[0]?.headers["idempotency-key"],
    ).toBeUndefined();
  });

  it("the 401 replay carries the same key and the same body bytes", async () => {
    server.queue("POST", BUSINESSES_PATH, { status: 401, json: { error_code: "invalid_token" } });
    const { response } = await clientFor(server).partner.POST(BUSINESSES_PATH, { body: created });
    expect(response.status).toBe(200);
    const sent = received(server, "POST", BUSINESSES_PATH);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers["idempotency-key"]).toBe(sent[0]?.headers["idempotency-key"]);
    expect(sent[1]?.body).toBe(sent[0]?.body);
    expect(sent[1]?.headers.authorization).not.toBe(sent[0]?.headers.authorization);
  });

  it("retries after the 401 replay keep the same key", async () => {
    server.queue(
      "POST",
      BUSINESSES_PATH,
      { status: 503, json: {} },
      { status: 401, json: {} },
      { status: 502, json: {} },
    );
    const { response } = await clientFor(server).partner.POST(BUSINESSES_PATH, { body: created });
    expect(response.status).toBe(200);
    const keys = received(server, "POST", BUSINESSES_PATH).map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  });

  it("sends byte-identical bodies on every attempt, non-ASCII included", async () => {
    server.always("POST", BUSINESSES_PATH, { status: 500, json: {} });
    await clientFor(server).partner.POST(BUSINESSES_PATH, {
      body: { ...created, legal_name: "Ünïcødé 🔑 Ltd" },
    });
    const bodies = received(server, "POST", BUSINESSES_PATH).map((r) => r.body);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] as string).legal_name).toBe("Ünïcødé 🔑 Ltd");
  });
});

describe("Retry-After", () => {
  it("waits the seconds of Retry-After", async () => {
    server.queue("GET", BUSINESSES_PATH, {
      status: 429,
      json: {},
      headers: { "Retry-After": "1" },
    });
    const started = Date.now();
    const { response } = await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("waits until the HTTP date of Retry-After", async () => {
    const date = new Date(Date.now() + 2000).toUTCString();
    server.queue("GET", BUSINESSES_PATH, {
      status: 503,
      json: {},
      headers: { "Retry-After": date },
    });
    const started = Date.now();
    await clientFor(server).partner.GET(BUSINESSES_PATH);
    // HTTP dates have whole seconds: the wait is between 1 and 2 seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("does not wait a Retry-After longer than 60 seconds; the usual backoff applies", async () => {
    server.queue("GET", BUSINESSES_PATH, {
      status: 503,
      json: {},
      headers: { "Retry-After": "3600" },
    });
    const started = Date.now();
    const { response } = await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("waits the milliseconds of retry-after-ms", async () => {
    server.queue("GET", BUSINESSES_PATH, {
      status: 503,
      json: {},
      headers: { "retry-after-ms": "600" },
    });
    const started = Date.now();
    await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });

  it("logs the Retry-After delay it waits", async () => {
    server.queue("GET", BUSINESSES_PATH, {
      status: 429,
      json: {},
      headers: { "retry-after-ms": "200" },
    });
    const lines: string[] = [];
    await clientFor(server, {
      logLevel: "info",
      logger: { info: (line) => lines.push(line) },
    }).partner.GET(BUSINESSES_PATH);
    expect(lines).toContainEqual(
      expect.stringContaining("HTTP 429 on attempt 1; retrying in 200 ms"),
    );
  });

  it("a Retry-After of 0 retries at once", async () => {
    server.queue("GET", BUSINESSES_PATH, {
      status: 503,
      json: {},
      headers: { "Retry-After": "0" },
    });
    const { response } = await clientFor(server, {
      retryBackoff: { initialDelayMs: 60_000 },
    }).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
  });
});

describe("aborts during a backoff wait", () => {
  it("the caller's abort ends the wait at once and rejects with the signal's reason", async () => {
    server.always("GET", BUSINESSES_PATH, {
      status: 503,
      json: {},
      headers: { "Retry-After": "30" },
    });
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    const pending = clientFor(server).partner.GET(BUSINESSES_PATH, { signal: controller.signal });
    await vi_waitFor(() => server.count("GET", BUSINESSES_PATH) === 1);
    const started = Date.now();
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(1);
  });

  it("an abort without a reason rejects with the signal's AbortError", async () => {
    server.always("GET", BUSINESSES_PATH, {
      status: 503,
      json: {},
      headers: { "Retry-After": "30" },
    });
    const controller = new AbortController();
    const pending = clientFor(server).partner.GET(BUSINESSES_PATH, { signal: controller.signal });
    await vi_waitFor(() => server.count("GET", BUSINESSES_PATH) === 1);
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe("AbortError");
  });
});

describe("token requests", () => {
  it("a token endpoint 500 is retried, and the call succeeds", async () => {
    server.queue("POST", PARTNER_TOKEN_PATH, { status: 500, json: { error: "server_error" } });
    const { response } = await clientFor(server).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("a token endpoint that keeps answering 503 fails with ThredfiAuthError after maxRetries", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, {
      status: 503,
      json: { error: "temporarily_unavailable" },
    });
    const tokens: ThredfiTokens = clientFor(server).tokens;
    const error = await rejectionOf(tokens.partner());
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect((error as ThredfiAuthError).status).toBe(503);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(3);
  });

  it("a token endpoint 400 is not retried", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, { status: 400, json: { error: "invalid_client" } });
    const error = await rejectionOf(clientFor(server).tokens.partner());
    expect((error as ThredfiAuthError).code).toBe("invalid_client");
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
  });

  it("a business token request is retried on 502", async () => {
    const path = `/v1/platform/${BUSINESS_ID}/oauth2/token/`;
    server.queue("POST", path, { status: 502, text: "bad gateway" });
    const token = await clientFor(server).tokens.business(BUSINESS_ID);
    expect(token.business_id).toBe(BUSINESS_ID);
    expect(server.count("POST", path)).toBe(2);
  });
});

async function vi_waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error("condition never held");
}
