import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createBusinessClient,
  createThredfiClient,
  paginate,
  ThredfiApiError,
  ThredfiAuthError,
  ThredfiAuthenticationError,
  ThredfiConnectionError,
  ThredfiError,
  ThredfiInternalServerError,
  ThredfiNotFoundError,
  ThredfiTimeoutError,
  unwrap,
} from "../src/index.js";
import { ERROR_CLASS_BY_STATUS } from "./support/fixtures.js";

// A loopback server of this file's own: each test installs a handler; every request is recorded.
interface Seen {
  method: string;
  url: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}
type Handler = (seen: Seen, res: ServerResponse) => void | Promise<void>;

const PARTNER_ID = "a1b2c3d4-5678-90ab-cdef-1234567890ab";
const API_KEY = "sk_live_acceptance-Secret-Key-0123456789";
const BUSINESS_ID = "3f2b8c1e-9d4a-4e6b-8a7c-2d1e0f9b8a76";
const LIST = "/v1/platform/businesses/";
const ONE = `/v1/platform/businesses/${BUSINESS_ID}/`;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FAST = { initialDelayMs: 1, maxDelayMs: 2 };

let server: Server;
let base: string;
let seen: Seen[] = [];
let handler: Handler = (_s, res) => json(res, 200, { ok: true });
let tokenSerial = 0;
const tokens: string[] = [];

function json(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function issueToken(seenReq: Seen, res: ServerResponse) {
  const token = `tok-${++tokenSerial}-acceptance-bearer`;
  tokens.push(token);
  const business = /^\/v1\/platform\/([^/]+)\/oauth2\/token\/$/.exec(seenReq.path)?.[1];
  json(res, 200, {
    access_token: token,
    token_type: "Bearer",
    expires_in: 3600,
    ...(business ? { scope: "business_access", business_id: business } : {}),
  });
}

const isToken = (s: Seen) => s.method === "POST" && s.path.endsWith("/oauth2/token/");
const api = () => seen.filter((s) => !isToken(s));

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? "/";
    const s: Seen = {
      method: req.method ?? "GET",
      url,
      path: url.split("?")[0] ?? url,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    seen.push(s);
    await handler(s, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  seen = [];
  tokens.length = 0;
  handler = (_s, res) => json(res, 200, { ok: true });
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Answers token requests itself and API requests with `apiHandler`. */
function serve(apiHandler: Handler) {
  handler = (s, res) => (isToken(s) ? issueToken(s, res) : apiHandler(s, res));
}

function lines() {
  const out: string[] = [];
  const logger = {
    debug: (m: string) => out.push(`debug ${m}`),
    info: (m: string) => out.push(`info ${m}`),
    warn: (m: string) => out.push(`warn ${m}`),
    error: (m: string) => out.push(`error ${m}`),
  };
  return { out, logger };
}

function client(options: Record<string, unknown> = {}) {
  return createThredfiClient({
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    baseUrl: base,
    retryBackoff: FAST,
    logger: {},
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("retries by status", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries a %i twice by default", async (status) => {
    serve((_s, res) => json(res, status, {}));
    const { response } = await client().partner.GET(LIST);
    expect(response.status).toBe(status);
    expect(api()).toHaveLength(3);
  });

  it.each([400, 403, 404, 409, 422])("never retries a %i", async (status) => {
    serve((_s, res) => json(res, status, {}));
    await client().partner.GET(LIST);
    expect(api()).toHaveLength(1);
  });

  it("sends a 401 once more with a fresh token and no more", async () => {
    serve((_s, res) => json(res, 401, { error: "invalid_token" }));
    const error = await rejection(unwrap(client().partner.GET(LIST)));
    expect(error).toBeInstanceOf(ThredfiAuthenticationError);
    expect(api()).toHaveLength(2);
    expect((error as ThredfiApiError).attempts).toBe(2);
    expect(api()[0]?.headers.authorization).not.toBe(api()[1]?.headers.authorization);
  });

  it("counts the 401 replay of a PUT with a body in the error's attempts", async () => {
    serve((_s, res) => json(res, 401, {}));
    const error = await rejection(
      unwrap(
        client().partner.PUT(
          ONE as never,
          {
            params: { path: { business_id: BUSINESS_ID } },
            body: { legal_name: "x" },
          } as never,
        ),
      ),
    );
    expect(api()).toHaveLength(2);
    expect((error as ThredfiApiError).attempts).toBe(2);
  });
});

describe("retries by method", () => {
  it.each(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"])("retries a %s freely", async (method) => {
    serve((_s, res) => json(res, 503, {}));
    await client().partner.request(
      method.toLowerCase() as never,
      ONE as never,
      {
        params: { path: { business_id: BUSINESS_ID } },
      } as never,
    );
    expect(api()).toHaveLength(3);
    expect(api().every((s) => s.method === method)).toBe(true);
  });

  it.each(["POST", "PATCH"])(
    "a %s gets one UUID v4 Idempotency-Key, kept on every retry",
    async (method) => {
      serve((_s, res) => json(res, 503, {}));
      await client().partner.request(
        method.toLowerCase() as never,
        LIST as never,
        {
          body: { legal_name: "x" },
        } as never,
      );
      expect(api()).toHaveLength(3);
      const keys = new Set(api().map((s) => s.headers["idempotency-key"]));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toMatch(UUID_V4);
    },
  );

  it("two POST calls get two different keys", async () => {
    serve((_s, res) => json(res, 201, {}));
    const c = client();
    await c.partner.POST(LIST, { body: {} as never });
    await c.partner.POST(LIST, { body: {} as never });
    const [a, b] = api().map((s) => s.headers["idempotency-key"]);
    expect(a).not.toBe(b);
  });

  it("keeps the key across the 401 replay of a POST", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 401 : 201, {}));
    await client().partner.POST(LIST, { body: { legal_name: "x" } as never });
    expect(api()).toHaveLength(2);
    expect(api()[0]?.headers["idempotency-key"]).toMatch(UUID_V4);
    expect(api()[1]?.headers["idempotency-key"]).toBe(api()[0]?.headers["idempotency-key"]);
  });

  it("keeps the key across a 401 replay followed by retries", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 401 : 503, {}));
    const { response } = await client().partner.POST(LIST, { body: {} as never });
    expect(response.status).toBe(503);
    const keys = new Set(api().map((s) => s.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect(api().length).toBeGreaterThanOrEqual(3);
  });

  it.each(["Idempotency-Key", "idempotency-key", "IDEMPOTENCY-KEY"])(
    "keeps the caller's %s and sends only that one",
    async (name) => {
      serve((_s, res) => json(res, 503, {}));
      await client().partner.POST(LIST, { body: {} as never, headers: { [name]: "mine-123" } });
      expect(api()).toHaveLength(3);
      expect(api().map((s) => s.headers["idempotency-key"])).toEqual([
        "mine-123",
        "mine-123",
        "mine-123",
      ]);
    },
  );

  it("keeps a caller's key given in a Headers object", async () => {
    serve((_s, res) => json(res, 503, {}));
    await client().partner.PATCH(
      ONE as never,
      {
        params: { path: { business_id: BUSINESS_ID } },
        body: {},
        headers: new Headers({ "idempotency-KEY": "hdrs-1" }),
      } as never,
    );
    expect(api().map((s) => s.headers["idempotency-key"])).toEqual(["hdrs-1", "hdrs-1", "hdrs-1"]);
  });

  it("does not retry a POST whose caller removed the key", async () => {
    serve((_s, res) => json(res, 503, {}));
    await client().partner.POST(LIST, {
      body: {} as never,
      headers: { "Idempotency-Key": null } as never,
    });
    expect(api()).toHaveLength(1);
    expect(api()[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  it("adds no Idempotency-Key to a GET", async () => {
    serve((_s, res) => json(res, 200, {}));
    await client().partner.GET(LIST);
    expect(api()[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  it("retries a token endpoint 500 and then succeeds", async () => {
    let n = 0;
    handler = (s, res) => {
      if (isToken(s) && ++n <= 2) return json(res, 500, {});
      if (isToken(s)) return issueToken(s, res);
      json(res, 200, { ok: true });
    };
    const { response } = await client().partner.GET(LIST);
    expect(response.status).toBe(200);
    expect(seen.filter(isToken)).toHaveLength(3);
  });
});

describe("Retry-After", () => {
  it("waits the seconds of Retry-After", async () => {
    let n = 0;
    serve((_s, res) =>
      ++n === 1 ? json(res, 429, {}, { "retry-after": "1" }) : json(res, 200, {}),
    );
    const started = Date.now();
    await client().partner.GET(LIST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("waits until the HTTP date of Retry-After", async () => {
    let n = 0;
    serve((_s, res) =>
      ++n === 1
        ? json(res, 503, {}, { "retry-after": new Date(Date.now() + 2000).toUTCString() })
        : json(res, 200, {}),
    );
    const started = Date.now();
    await client().partner.GET(LIST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("waits the retry-after-ms", async () => {
    let n = 0;
    serve((_s, res) =>
      ++n === 1 ? json(res, 429, {}, { "retry-after-ms": "300" }) : json(res, 200, {}),
    );
    const started = Date.now();
    await client().partner.GET(LIST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("does not wait a Retry-After beyond 60 s", async () => {
    serve((_s, res) => json(res, 503, {}, { "retry-after": "3600" }));
    const started = Date.now();
    await client().partner.GET(LIST);
    expect(api()).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("ends a backoff wait at once when the caller aborts, with the signal's reason, and sends no more", async () => {
    serve((_s, res) => json(res, 503, {}, { "retry-after": "30" }));
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const pending = client().partner.GET(LIST, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(100);
    await new Promise((r) => setTimeout(r, 100));
    expect(api()).toHaveLength(1);
  });

  it("rejects with the abort reason and sends nothing for an already-aborted signal", async () => {
    serve((_s, res) => json(res, 200, {}));
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(client().partner.GET(LIST, { signal: controller.signal }));
    expect(error).toBe(controller.signal.reason);
    expect(seen).toHaveLength(0);
  });
});

describe("backoff", () => {
  it("waits between retries within the default bounds (0 to 500 ms, then 0 to 1000 ms)", async () => {
    serve((_s, res) => json(res, 503, {}));
    const { out, logger } = lines();
    await createThredfiClient({
      partnerId: PARTNER_ID,
      apiKey: API_KEY,
      baseUrl: base,
      logger,
      logLevel: "info",
    }).partner.GET(LIST);
    const delays = out
      .filter((l) => l.startsWith("info") && /retrying in (\d+) ?ms/.test(l))
      .map((l) => Number(/retrying in (\d+) ?ms/.exec(l)?.[1]));
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeLessThanOrEqual(1000);
  });
});

describe("timeouts", () => {
  it("times out a hanging API call, retried, as ThredfiTimeoutError", async () => {
    serve(() => {});
    const error = await rejection(client({ timeoutMs: 100 }).partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect(error).toBeInstanceOf(ThredfiError);
    expect((error as ThredfiTimeoutError).attempts).toBe(3);
    expect(api()).toHaveLength(3);
  });

  it("times out a body that stalls after the headers", async () => {
    serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"count": 1, "resul');
    });
    const error = await rejection(client({ timeoutMs: 150, maxRetries: 0 }).partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
  });

  it("times out through a fetch that ignores signals", async () => {
    serve(() => {});
    const deaf = (input: Request) =>
      fetch(input.url, { method: input.method, headers: input.headers });
    const started = Date.now();
    const error = await rejection(
      client({ timeoutMs: 100, maxRetries: 1, fetch: deaf }).partner.GET(LIST),
    );
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("times out a stalled body through a fetch that ignores signals", async () => {
    serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
    });
    const deaf = (input: Request) =>
      fetch(input.url, { method: input.method, headers: input.headers });
    const error = await rejection(
      client({ timeoutMs: 100, maxRetries: 0, fetch: deaf }).partner.GET(LIST),
    );
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
  });

  it("turns a refused connection into ThredfiConnectionError with a cause", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const biz = createBusinessClient({
      businessId: BUSINESS_ID,
      getToken: async () => ({ access_token: "t", expires_in: 3600 }),
      baseUrl: `http://127.0.0.1:${port}`,
      retryBackoff: FAST,
      logger: {},
    });
    const error = await rejection(
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      }),
    );
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect(error).not.toBeInstanceOf(ThredfiTimeoutError);
    expect((error as Error).cause).toBeDefined();
    expect((error as ThredfiConnectionError).attempts).toBe(3);
  });

  it("never surfaces a raw TypeError for an invalid JSON 200", async () => {
    serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
    });
    const error = await rejection(client().partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiError);
  });
});

describe("the body on every attempt", () => {
  async function bodiesOf(init: Record<string, unknown>) {
    serve((_s, res) => json(res, 503, {}));
    await client().partner.POST(LIST, init as never);
    return api().map((s) => s.body.toString("base64"));
  }

  it("sends JSON byte-identical", async () => {
    const bodies = await bodiesOf({ body: { legal_name: "Ünï ✓", n: 1 } });
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect(Buffer.from(bodies[0] ?? "", "base64").toString()).toContain("Ünï ✓");
  });

  it("sends a form byte-identical", async () => {
    const bodies = await bodiesOf({
      body: { a: "1", b: "x y" },
      bodySerializer: (b: Record<string, string>) => new URLSearchParams(b),
    });
    expect(new Set(bodies).size).toBe(1);
    expect(Buffer.from(bodies[0] ?? "", "base64").toString()).toBe("a=1&b=x+y");
  });

  it("sends a Blob byte-identical", async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const bodies = await bodiesOf({ body: new Blob([bytes]), bodySerializer: (b: Blob) => b });
    expect(new Set(bodies).size).toBe(1);
    expect(Buffer.from(bodies[0] ?? "", "base64")).toEqual(Buffer.from(bytes));
  });

  it("sends a large JSON body byte-identical", async () => {
    const bodies = await bodiesOf({ body: { blob: "z".repeat(3_000_000) } });
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
  });
});

describe("error fields", () => {
  it.each(ERROR_CLASS_BY_STATUS)(
    "throwOnError throws a %i as its class",
    async (status, ErrorClass) => {
      serve((_s, res) => json(res, status, {}));
      const error = await rejection(client({ throwOnError: true }).partner.GET(LIST));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(ThredfiApiError);
      expect(error).toBeInstanceOf(ThredfiError);
      expect((error as ThredfiApiError).status).toBe(status);
      expect((error as ThredfiApiError).code).toBe(`http_${status}`);
    },
  );

  it("reads code, message, details, requestId, headers and body", async () => {
    const body = {
      error: "Validation failed",
      error_code: "validation_error",
      details: { legal_name: ["This field is required."] },
    };
    serve((_s, res) => json(res, 400, body, { "x-request-id": "req_abc" }));
    const error = (await rejection(unwrap(client().partner.GET(LIST)))) as ThredfiApiError;
    expect(error.code).toBe("validation_error");
    expect(error.message).toContain("Validation failed");
    expect(error.details).toEqual({ legal_name: ["This field is required."] });
    expect(error.requestId).toBe("req_abc");
    expect(error.headers.get("x-request-id")).toBe("req_abc");
    expect(error.body).toEqual(body);
    expect(error.attempts).toBe(1);
  });

  it("takes the OAuth2 error as code and request-id as requestId", async () => {
    serve((_s, res) =>
      json(res, 400, { error: "invalid_grant", error_description: "Bad." }, { "request-id": "r9" }),
    );
    const error = (await rejection(unwrap(client().partner.GET(LIST)))) as ThredfiApiError;
    expect(error.code).toBe("invalid_grant");
    expect(error.requestId).toBe("r9");
  });

  it("falls back to http_<status> for an HTML body", async () => {
    serve((_s, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>bad gateway</html>");
    });
    const error = (await rejection(
      unwrap(client({ maxRetries: 0 }).partner.GET(LIST)),
    )) as ThredfiApiError;
    expect(error.code).toBe("http_502");
    expect(error).toBeInstanceOf(ThredfiInternalServerError);
  });

  it("escapes control characters of the server's words", async () => {
    serve((_s, res) =>
      json(res, 404, { error: "gone\n\u001b[31mFAKE LOG LINE\r\u0007", error_code: "x\ny" }),
    );
    const error = (await rejection(unwrap(client().partner.GET(LIST)))) as ThredfiApiError;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them.
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them.
    expect(error.code).not.toMatch(/[\u0000-\u001f]/);
  });

  it("escapes control characters of the request id", async () => {
    serve((_s, res) => json(res, 404, {}, { "x-request-id": "abc\u009b31mdef" }));
    const error = (await rejection(unwrap(client().partner.GET(LIST)))) as ThredfiApiError;
    expect(error.message).not.toContain("\u009b");
    expect(error.requestId).toBe("abc\\u009b31mdef");
  });

  it("never shows the API key or a token the server echoes, in message, inspect or JSON", async () => {
    serve((s, res) =>
      json(res, 400, {
        error: `bad key ${API_KEY} with ${s.headers.authorization}`,
        error_code: "echo",
        details: { auth: [String(s.headers.authorization)] },
      }),
    );
    const error = await rejection(unwrap(client().partner.GET(LIST)));
    const texts = [
      (error as Error).message,
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      JSON.stringify((error as ThredfiApiError).body),
    ];
    for (const text of texts) {
      expect(text).not.toContain(API_KEY);
      for (const token of tokens) expect(text).not.toContain(token);
    }
  });

  it("never shows the API key in a token endpoint error", async () => {
    handler = (s, res) =>
      json(res, 401, {
        error: "invalid_client",
        error_description: `who is ${API_KEY} ${s.headers.authorization}`,
      });
    const error = await rejection(client().partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiError);
    const basic = Buffer.from(`${PARTNER_ID}:${API_KEY}`).toString("base64");
    for (const text of [
      (error as Error).message,
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
    ]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(basic);
    }
  });

  it("unwrap returns data on 2xx", async () => {
    serve((_s, res) => json(res, 200, { count: 3 }));
    expect(await unwrap(client().partner.GET(LIST))).toEqual({ count: 3 });
  });

  it("throwOnError resolves data on a 2xx", async () => {
    serve((_s, res) => json(res, 201, { id: 1 }));
    const { data } = await client({ throwOnError: true }).partner.POST(LIST, { body: {} as never });
    expect(data).toEqual({ id: 1 });
  });
});

describe("paginate", () => {
  function page(items: unknown[], extra: Record<string, unknown> = {}) {
    return { count: 1000, next: "http://x/?page=next", previous: null, results: items, ...extra };
  }

  it("ends against a server that repeats the same page forever", async () => {
    serve((_s, res) => json(res, 200, page([{ id: 1 }, { id: 2 }])));
    const items: unknown[] = [];
    for await (const item of paginate(client().partner, LIST)) {
      items.push(item);
      if (items.length > 50) break;
    }
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("ends against a server repeating the same page under a page_size it honours", async () => {
    serve((_s, res) => json(res, 200, page([{ id: 1 }, { id: 2 }])));
    const items: unknown[] = [];
    for await (const item of paginate(client().partner, LIST, {
      params: { query: { page_size: 2 } },
    })) {
      items.push(item);
      if (items.length > 50) break;
    }
    expect(items).toHaveLength(2);
  });

  it("stops on next: null", async () => {
    serve((_s, res) => json(res, 200, page([{ id: 1 }], { next: null })));
    const items: unknown[] = [];
    for await (const item of paginate(client().partner, LIST)) items.push(item);
    expect(items).toHaveLength(1);
    expect(api()).toHaveLength(1);
  });

  it("stops on current_page >= total_pages", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      json(res, 200, page([{ id: p }], { page_info: { current_page: p, total_pages: 2 } }));
    });
    const items: unknown[] = [];
    for await (const item of paginate(client().partner, LIST)) items.push(item);
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("stops on a short page when the server announces neither next nor count", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      json(res, 200, { results: p === 1 ? [{ id: 1 }, { id: 2 }] : [{ id: 3 }] });
    });
    const items: unknown[] = [];
    for await (const item of paginate(client().partner, LIST, {
      params: { query: { page_size: 2 } },
    }))
      items.push(item);
    expect(items).toHaveLength(3);
    expect(api()).toHaveLength(2);
  });

  it("stops once count items were seen", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      json(res, 200, page([{ id: p }], { count: 3 }));
    });
    const items: unknown[] = [];
    for await (const item of paginate(client().partner, LIST)) items.push(item);
    expect(items).toHaveLength(3);
  });

  it("stops on an empty page", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      json(res, 200, page(p < 3 ? [{ id: p }] : []));
    });
    const items: unknown[] = [];
    for await (const item of paginate(client().partner, LIST)) items.push(item);
    expect(items).toHaveLength(2);
  });

  it("sends page and page_size", async () => {
    serve((_s, res) => json(res, 200, page([{ id: 1 }], { next: null })));
    for await (const _ of paginate(client().partner, LIST, {
      params: { query: { page_size: 7 } },
    })) {
    }
    const q = new URL(api()[0]?.url ?? "", base).searchParams;
    expect(q.get("page")).toBe("1");
    expect(q.get("page_size")).toBe("7");
  });

  it("throws the ThredfiApiError of a failed page", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      if (p === 2) return json(res, 404, { error_code: "gone" });
      json(res, 200, page([{ id: p }]));
    });
    const items: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const item of paginate(client().partner, LIST)) items.push(item);
      })(),
    );
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
    expect(items).toHaveLength(1);
  });

  it("ends with the caller's abort reason", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      json(res, 200, page([{ id: p }]));
    });
    const controller = new AbortController();
    const items: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const item of paginate(client().partner, LIST, { signal: controller.signal })) {
          items.push(item);
          if (items.length === 2) controller.abort(new Error("enough"));
        }
      })(),
    );
    expect((error as Error).message).toBe("enough");
    expect(items).toHaveLength(2);
  });

  it("walks page by page", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      json(res, 200, page([{ id: p }], { count: 2 }));
    });
    const pages: number[] = [];
    for await (const p of paginate(client().partner, LIST).pages()) pages.push(p.page);
    expect(pages).toEqual([1, 2]);
  });

  it("works with a throwOnError client", async () => {
    serve((_s, res) => json(res, 200, page([{ id: 1 }], { next: null })));
    const items: unknown[] = [];
    for await (const item of paginate(client({ throwOnError: true }).partner, LIST))
      items.push(item);
    expect(items).toHaveLength(1);
  });
});

describe("logging", () => {
  it("writes one debug line per attempt with method, template, status, duration, attempt and request id", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 503 : 200, {}, { "x-request-id": `req_${n}` }));
    const { out, logger } = lines();
    await client({ logger, logLevel: "debug" }).partner.GET(
      "/v1/platform/businesses/{business_id}/",
      { params: { path: { business_id: BUSINESS_ID } } },
    );
    const attempts = out.filter(
      (l) => l.startsWith("debug") && l.includes("GET /v1/platform/businesses/{business_id}/"),
    );
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatch(/503 \d+ ?ms attempt=1 request_id=req_1/);
    expect(attempts[1]).toMatch(/200 \d+ ?ms attempt=2 request_id=req_2/);
    expect(out.join("\n")).not.toContain(BUSINESS_ID);
  });

  it("logs the template, not the business id, for the 401 replay of a PUT with a body", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 401 : 200, {}));
    const { out, logger } = lines();
    await client({ logger, logLevel: "debug" }).partner.PUT(
      "/v1/platform/businesses/{business_id}/" as never,
      { params: { path: { business_id: BUSINESS_ID } }, body: { legal_name: "x" } } as never,
    );
    expect(api()).toHaveLength(2);
    const attemptLines = out.filter((l) => /^debug thredfi: PUT /.test(l));
    expect(attemptLines).toHaveLength(2);
    expect(attemptLines[1]).toContain("attempt=2");
    expect(out.join("\n")).not.toContain(BUSINESS_ID);
  });

  it("never logs query values, bodies, the key or tokens", async () => {
    serve((_s, res) => json(res, 503, { secret: "body-secret" }));
    const { out, logger } = lines();
    await client({ logger, logLevel: "debug" }).partner.POST(LIST, {
      params: { query: { search: "query-secret-value" } } as never,
      body: { legal_name: "body-secret-2" } as never,
    });
    const all = out.join("\n");
    expect(out.length).toBeGreaterThan(0);
    for (const secret of ["query-secret-value", "body-secret", API_KEY, ...tokens]) {
      expect(all).not.toContain(secret);
    }
  });

  it("logs retries at info with attempt and delay, exhaustion at warn", async () => {
    serve((_s, res) => json(res, 503, {}));
    const { out, logger } = lines();
    await client({ logger, logLevel: "info" }).partner.GET(LIST);
    expect(out.filter((l) => l.startsWith("info") && /retry/i.test(l))).toHaveLength(2);
    expect(out.filter((l) => l.startsWith("warn"))).toHaveLength(1);
    expect(out.some((l) => l.startsWith("debug"))).toBe(false);
  });

  it("logs nothing at warn for a retry that then succeeds", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 503 : 200, {}));
    const { out, logger } = lines();
    await client({ logger, logLevel: "warn" }).partner.GET(LIST);
    expect(out).toEqual([]);
  });

  it("logs nothing at off", async () => {
    serve((_s, res) => json(res, 503, {}));
    const { out, logger } = lines();
    await client({ logger, logLevel: "off" }).partner.GET(LIST);
    expect(out).toEqual([]);
  });

  it("takes the level from THREDFI_LOG", async () => {
    serve((_s, res) => json(res, 200, {}));
    const { out, logger } = lines();
    const before = process.env.THREDFI_LOG;
    process.env.THREDFI_LOG = "debug";
    try {
      await client({ logger }).partner.GET(LIST);
    } finally {
      process.env.THREDFI_LOG = before;
    }
    expect(out.some((l) => l.startsWith("debug") && l.includes(`GET ${LIST} 200`))).toBe(true);
  });

  it("lets logLevel override THREDFI_LOG", async () => {
    serve((_s, res) => json(res, 200, {}));
    const { out, logger } = lines();
    const before = process.env.THREDFI_LOG;
    process.env.THREDFI_LOG = "debug";
    try {
      await client({ logger, logLevel: "warn" }).partner.GET(LIST);
    } finally {
      process.env.THREDFI_LOG = before;
    }
    expect(out).toEqual([]);
  });

  it("logs a token fetch at info", async () => {
    serve((_s, res) => json(res, 200, {}));
    const { out, logger } = lines();
    await client({ logger, logLevel: "info" }).partner.GET(LIST);
    expect(out.some((l) => l.startsWith("info"))).toBe(true);
    for (const t of tokens) expect(out.join("\n")).not.toContain(t);
  });
});

describe("more edges", () => {
  it("retries at once for a Retry-After date in the past", async () => {
    let n = 0;
    serve((_s, res) =>
      ++n === 1
        ? json(res, 503, {}, { "retry-after": new Date(Date.now() - 60_000).toUTCString() })
        : json(res, 200, {}),
    );
    const { response } = await client().partner.GET(LIST);
    expect(response.status).toBe(200);
  });

  it("ignores a retry-after-ms beyond 60 s", async () => {
    serve((_s, res) => json(res, 503, {}, { "retry-after-ms": "600000" }));
    const started = Date.now();
    await client().partner.GET(LIST);
    expect(api()).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("ignores a garbage Retry-After", async () => {
    serve((_s, res) => json(res, 503, {}, { "retry-after": "soon-ish" }));
    await client().partner.GET(LIST);
    expect(api()).toHaveLength(3);
  });

  it("keeps the backoff under maxDelayMs", async () => {
    serve((_s, res) => json(res, 503, {}));
    const { out, logger } = lines();
    await client({
      logger,
      logLevel: "info",
      maxRetries: 6,
      retryBackoff: { initialDelayMs: 10, maxDelayMs: 25 },
    }).partner.GET(LIST);
    const delays = out
      .map((l) => /retrying in (\d+) ?ms/.exec(l)?.[1])
      .filter((d) => d !== undefined)
      .map(Number);
    expect(delays).toHaveLength(6);
    for (const d of delays) expect(d).toBeLessThanOrEqual(25);
  });

  it("ends an in-flight attempt at once when the caller aborts, and sends no retry", async () => {
    serve(() => {});
    const controller = new AbortController();
    const pending = client().partner.GET(LIST, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 150));
    controller.abort("stop");
    await expect(pending).rejects.toBe("stop");
    await new Promise((r) => setTimeout(r, 100));
    expect(api()).toHaveLength(1);
  });

  it("ends a stalled body read at once when the caller aborts", async () => {
    serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
    });
    const controller = new AbortController();
    const pending = client().partner.GET(LIST, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 150));
    const reason = new Error("mine");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it("sends the same body on the 401 replay of a POST", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 401 : 201, {}));
    await client().partner.POST(LIST, { body: { legal_name: "Ünï" } as never });
    expect(api()).toHaveLength(2);
    expect(api()[1]?.body.equals(api()[0]?.body ?? Buffer.alloc(0))).toBe(true);
    expect(api()[0]?.body.length).toBeGreaterThan(0);
  });

  it("does not send a retried PUT body empty", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 401 : n === 2 ? 503 : 200, {}));
    await client().partner.PUT(
      ONE as never,
      {
        params: { path: { business_id: BUSINESS_ID } },
        body: { legal_name: "x" },
      } as never,
    );
    expect(api()).toHaveLength(3);
    expect(new Set(api().map((s) => s.body.toString())).size).toBe(1);
    expect(api()[2]?.body.toString()).toContain("legal_name");
  });

  it("fetches one partner token for concurrent calls", async () => {
    serve((_s, res) => json(res, 200, {}));
    const c = client();
    await Promise.all([c.partner.GET(LIST), c.partner.GET(LIST), c.partner.GET(LIST)]);
    expect(seen.filter(isToken)).toHaveLength(1);
  });

  it("logs timeout and network_error as the status of a failed attempt", async () => {
    serve(() => {});
    const { out, logger } = lines();
    await rejection(
      client({ logger, logLevel: "debug", timeoutMs: 80, maxRetries: 0 }).partner.GET(LIST),
    );
    expect(
      out.some((l) => /GET \/v1\/platform\/businesses\/ timeout \d+ ?ms attempt=1/.test(l)),
    ).toBe(true);
  });

  it("keeps echoed tokens out of util.inspect of the error's headers", async () => {
    serve((s, res) => json(res, 401, {}, { "x-echo": String(s.headers.authorization) }));
    const error = await rejection(unwrap(client().partner.GET(LIST)));
    const text = inspect(error, { depth: 10 });
    for (const token of tokens) expect(text).not.toContain(token);
  });

  it("rejects an unknown logLevel with invalid_config", () => {
    expect(() => client({ logLevel: "verbose" })).toThrow(/logLevel/);
  });

  it("falls back to warn for an unknown THREDFI_LOG", async () => {
    serve((_s, res) => json(res, 503, {}));
    const { out, logger } = lines();
    const before = process.env.THREDFI_LOG;
    process.env.THREDFI_LOG = "chatty";
    try {
      await client({ logger }).partner.GET(LIST);
    } finally {
      process.env.THREDFI_LOG = before;
    }
    expect(out.map((l) => l.split(" ")[0])).toEqual(["warn"]);
  });

  it("a 5xx on a paginated page is retried before it throws", async () => {
    serve((_s, res) => json(res, 502, {}));
    const error = await rejection(
      (async () => {
        for await (const _ of paginate(client().partner, LIST)) {
        }
      })(),
    );
    expect(error).toBeInstanceOf(ThredfiInternalServerError);
    expect((error as ThredfiApiError).attempts).toBe(3);
    expect(api()).toHaveLength(3);
  });

  it("a business client's 404 has its class and no token in the message", async () => {
    serve((s, res) => json(res, 404, { error: `no ${s.headers.authorization}` }));
    const error = await rejection(
      unwrap(
        client()
          .business(BUSINESS_ID)
          .GET("/v1/platform/businesses/{business_id}/", {
            params: { path: { business_id: BUSINESS_ID } },
          }),
      ),
    );
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
    for (const token of tokens) expect((error as Error).message).not.toContain(token);
  });

  it("a timeout error message and inspect carry no secret", async () => {
    serve(() => {});
    const error = await rejection(client({ timeoutMs: 60, maxRetries: 0 }).partner.GET(LIST));
    const text = `${inspect(error, { depth: 10 })}${JSON.stringify(error)}`;
    expect(text).not.toContain(API_KEY);
    for (const token of tokens) expect(text).not.toContain(token);
  });
});

describe("round three", () => {
  it("keeps a caller's Idempotency-Key given in params.header", async () => {
    serve((_s, res) => json(res, 503, {}));
    await client().partner.POST(LIST, {
      body: {} as never,
      params: { header: { "Idempotency-Key": "from-params" } } as never,
    });
    expect(api().map((s) => s.headers["idempotency-key"])).toEqual([
      "from-params",
      "from-params",
      "from-params",
    ]);
  });

  it("ends the wait for a token endpoint's Retry-After at once when the caller aborts", async () => {
    handler = (_s, res) => json(res, 503, {}, { "retry-after": "30" });
    const controller = new AbortController();
    const pending = client().partner.GET(LIST, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    controller.abort(new Error("bye"));
    await expect(pending).rejects.toThrow("bye");
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("logs a failed token fetch at warn without the key", async () => {
    handler = (_s, res) => json(res, 500, { error: `nope ${API_KEY}` });
    const { out, logger } = lines();
    const error = await rejection(client({ logger, logLevel: "warn" }).partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiError);
    expect(out.some((l) => l.startsWith("warn"))).toBe(true);
    expect(out.join("\n")).not.toContain(API_KEY);
  });

  it("logs nothing but errors at error level", async () => {
    serve((_s, res) => json(res, 503, {}));
    const { out, logger } = lines();
    await client({ logger, logLevel: "error" }).partner.GET(LIST);
    expect(out.filter((l) => !l.startsWith("error"))).toEqual([]);
  });

  it("reads request-id for the debug line too", async () => {
    serve((_s, res) => json(res, 200, {}, { "request-id": "rid_7" }));
    const { out, logger } = lines();
    await client({ logger, logLevel: "debug" }).partner.GET(LIST);
    expect(out.some((l) => l.includes(`GET ${LIST} 200`) && l.includes("request_id=rid_7"))).toBe(
      true,
    );
  });

  it("replays a business client's 401 once with a token from getToken", async () => {
    let served = 0;
    serve((_s, res) => json(res, 401, {}));
    const biz = createBusinessClient({
      businessId: BUSINESS_ID,
      getToken: async () => ({ access_token: `bt-${++served}`, expires_in: 3600 }),
      baseUrl: base,
      retryBackoff: FAST,
      logger: {},
    });
    const error = await rejection(
      unwrap(
        biz.GET("/v1/platform/businesses/{business_id}/", {
          params: { path: { business_id: BUSINESS_ID } },
        }),
      ),
    );
    expect(error).toBeInstanceOf(ThredfiAuthenticationError);
    expect(api()).toHaveLength(2);
    expect((error as Error).message).not.toContain("bt-");
  });

  it("a business client never throws a raw error when getToken throws a TypeError", async () => {
    const biz = createBusinessClient({
      businessId: BUSINESS_ID,
      getToken: async () => {
        throw new TypeError("boom");
      },
      baseUrl: base,
      logger: {},
    });
    const error = await rejection(
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      }),
    );
    expect(error).toBeInstanceOf(ThredfiError);
  });

  it("infers the item type of paginate from results", async () => {
    serve((_s, res) => json(res, 200, { count: 0, next: null, results: [] }));
    for await (const business of paginate(client().partner, "/v1/platform/businesses/")) {
      expectTypeOf(business.legal_name).toEqualTypeOf<string>();
    }
    const thrower = createThredfiClient({
      partnerId: PARTNER_ID,
      apiKey: API_KEY,
      baseUrl: base,
      logger: {},
      throwOnError: true,
    });
    const { data } = await thrower.partner.GET("/v1/platform/businesses/");
    expectTypeOf(data.count).toEqualTypeOf<number>();
    expect(api()).toHaveLength(2);
  });
});

describe("bodies that break", () => {
  it("a connection dropped mid-body surfaces as ThredfiConnectionError", async () => {
    serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"count": 1, ');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await rejection(client().partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect((error as Error).cause).toBeDefined();
  });

  it("a connection dropped mid-body of a throwOnError client surfaces as ThredfiConnectionError", async () => {
    serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"count": 1, ');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await rejection(client({ throwOnError: true }).partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect(error).not.toBeInstanceOf(ThredfiTimeoutError);
  });

  it("an invalid JSON body is not mistaken for a dropped connection", async () => {
    serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{nope");
    });
    const error = await rejection(client().partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiError);
    expect(error).not.toBeInstanceOf(ThredfiConnectionError);
  });
});

describe("concurrent replays", () => {
  it("two concurrent PUTs to one URL that both get a 401 each end with their own answer", async () => {
    let n = 0;
    serve((s, res) => {
      n++;
      if (s.headers.authorization?.endsWith(tokens[0] ?? "?")) return json(res, 401, {});
      json(res, 200, { echo: JSON.parse(s.body.toString()).legal_name });
    });
    const c = client();
    const put = (name: string) =>
      c.partner.PUT(
        ONE as never,
        {
          params: { path: { business_id: BUSINESS_ID } },
          body: { legal_name: name },
        } as never,
      );
    const [a, b] = await Promise.all([put("a"), put("b")]);
    expect((a as { data: unknown }).data).toEqual({ echo: "a" });
    expect((b as { data: unknown }).data).toEqual({ echo: "b" });
    expect(n).toBe(4);
  });

  it("aborting one of two concurrent PUTs leaves the other's replay alone", async () => {
    serve(async (s, res) => {
      if (s.headers.authorization?.endsWith(tokens[0] ?? "?")) return json(res, 401, {});
      await new Promise((r) => setTimeout(r, 100));
      json(res, 200, { ok: true });
    });
    const c = client();
    const controller = new AbortController();
    const put = (signal?: AbortSignal) =>
      c.partner.PUT(
        ONE as never,
        {
          params: { path: { business_id: BUSINESS_ID } },
          body: { legal_name: "x" },
          signal,
        } as never,
      );
    const first = put();
    const second = put(controller.signal);
    setTimeout(() => controller.abort(new Error("second only")), 50);
    await expect(second).rejects.toThrow("second only");
    const { response } = (await first) as { response: Response };
    expect(response.status).toBe(200);
  });
});

describe("round four", () => {
  it("a logger that throws never changes the outcome of a call", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 503 : 200, { ok: true }));
    const boom = () => {
      throw new Error("logger broke");
    };
    const { data } = await client({
      logLevel: "debug",
      logger: { debug: boom, info: boom, warn: boom, error: boom },
    }).partner.GET(LIST);
    expect(data).toEqual({ ok: true });
    expect(api()).toHaveLength(2);
  });

  it("retries a hung token endpoint on timeoutMs, then fails with a ThredfiError", async () => {
    handler = () => {};
    const error = await rejection(client({ timeoutMs: 80 }).partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiError);
    expect(seen.filter(isToken)).toHaveLength(3);
    expect(api()).toHaveLength(0);
  });

  it("honours a token endpoint's Retry-After", async () => {
    let n = 0;
    handler = (s, res) => {
      if (isToken(s) && ++n === 1) return json(res, 429, {}, { "retry-after-ms": "300" });
      if (isToken(s)) return issueToken(s, res);
      json(res, 200, {});
    };
    const started = Date.now();
    await client().partner.GET(LIST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("the default logger is the console", async () => {
    serve((_s, res) => json(res, 503, {}));
    const warned: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      await createThredfiClient({
        partnerId: PARTNER_ID,
        apiKey: API_KEY,
        baseUrl: base,
        retryBackoff: FAST,
        logLevel: "warn",
      }).partner.GET(LIST);
    } finally {
      console.warn = original;
    }
    expect(warned).toHaveLength(1);
  });

  it("a HEAD 404 unwraps to ThredfiNotFoundError", async () => {
    serve((_s, res) => {
      res.writeHead(404);
      res.end();
    });
    const error = await rejection(
      unwrap(
        client().partner.HEAD(
          ONE as never,
          {
            params: { path: { business_id: BUSINESS_ID } },
          } as never,
        ),
      ),
    );
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
    expect((error as ThredfiApiError).code).toBe("http_404");
  });

  it("rejects invalid request options with invalid_config naming them", () => {
    for (const [name, value] of [
      ["timeoutMs", 0],
      ["timeoutMs", Number.NaN],
      ["maxRetries", -1],
      ["maxRetries", 1.5],
      ["throwOnError", "yes"],
    ] as const) {
      expect(() => client({ [name]: value })).toThrow(
        expect.objectContaining({ code: "invalid_config", message: expect.stringContaining(name) }),
      );
    }
  });
});

describe("network failures of token requests", () => {
  it("a refused connection on the first call is a ThredfiConnectionError, and a ThredfiAuthError", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await rejection(
      client({ baseUrl: `http://127.0.0.1:${port}` }).partner.GET(LIST),
    );
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect(error).not.toBeInstanceOf(ThredfiTimeoutError);
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect((error as ThredfiAuthError).code).toBe("network_error");
    expect((error as Error).cause).toBeInstanceOf(ThredfiConnectionError);
  });

  it("a server that never answers times out the first call as ThredfiTimeoutError, and a ThredfiAuthError", async () => {
    handler = () => {};
    const error = await rejection(client({ timeoutMs: 60 }).partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect((error as ThredfiAuthError).code).toBe("timeout");
  });

  it("a token endpoint that answers 500 is not a ThredfiConnectionError", async () => {
    handler = (_s, res) => json(res, 500, {});
    const error = await rejection(client().partner.GET(LIST));
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect(error).not.toBeInstanceOf(ThredfiConnectionError);
  });

  it("a ThredfiApiError is neither", async () => {
    serve((_s, res) => json(res, 404, {}));
    const error = await rejection(unwrap(client().partner.GET(LIST)));
    expect(error).not.toBeInstanceOf(ThredfiConnectionError);
    expect(error).not.toBeInstanceOf(ThredfiTimeoutError);
  });
});

describe("round five", () => {
  it("paginate with an already-aborted signal rejects with its reason and sends nothing", async () => {
    serve((_s, res) => json(res, 200, { count: 1, next: null, results: [{}] }));
    const controller = new AbortController();
    controller.abort(new Error("never started"));
    const error = await rejection(
      (async () => {
        for await (const _ of paginate(client().partner, LIST, { signal: controller.signal })) {
        }
      })(),
    );
    expect((error as Error).message).toBe("never started");
    expect(seen).toHaveLength(0);
  });

  it("a throwOnError client resolves a call whose 401 replay succeeds", async () => {
    let n = 0;
    serve((_s, res) => json(res, ++n === 1 ? 401 : 200, { ok: true }));
    const { data } = await client({ throwOnError: true }).partner.GET(LIST);
    expect(data).toEqual({ ok: true });
  });

  it("a 429 POST with the caller's key waits its Retry-After and is sent again with that key", async () => {
    let n = 0;
    serve((_s, res) =>
      ++n === 1 ? json(res, 429, {}, { "retry-after": "0" }) : json(res, 201, {}),
    );
    const { response } = await client().partner.POST(LIST, {
      body: {} as never,
      headers: { "idempotency-key": "k-429" },
    });
    expect(response.status).toBe(201);
    expect(api().map((s) => s.headers["idempotency-key"])).toEqual(["k-429", "k-429"]);
  });

  it("keeps a query written into the path out of the debug line", async () => {
    serve((_s, res) => json(res, 200, {}));
    const { out, logger } = lines();
    await client({ logger, logLevel: "debug" }).partner.GET(`${LIST}?search=hidden-value` as never);
    expect(out.join("\n")).not.toContain("hidden-value");
    expect(out.some((l) => l.includes(`GET ${LIST} 200`))).toBe(true);
  });

  it("escapes bidi overrides in the server's words", async () => {
    serve((_s, res) => json(res, 404, { error: "evil \u202e txt.exe" }));
    const error = await rejection(unwrap(client().partner.GET(LIST)));
    expect((error as Error).message).not.toContain("\u202e");
  });

  it("paginate's page query values stay out of the debug lines", async () => {
    serve((s, res) => {
      const p = Number(new URL(s.url, base).searchParams.get("page"));
      json(res, 200, { count: 2, next: p < 2 ? "x" : null, results: [{ id: p }] });
    });
    const { out, logger } = lines();
    for await (const _ of paginate(client({ logger, logLevel: "debug" }).partner, LIST, {
      params: { query: { search: "needle-q" } } as never,
    })) {
    }
    expect(out.filter((l) => l.includes(`GET ${LIST} 200`))).toHaveLength(2);
    expect(out.join("\n")).not.toMatch(/needle-q|page=/);
  });
});
