import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { afterEach, describe, expect, it } from "vitest";
import {
  paginate,
  ThredfiApiError,
  ThredfiError,
  ThredfiNotFoundError,
  ThredfiTimeoutError,
  unwrap,
} from "../src/index.js";
import {
  API_KEY,
  BUSINESSES_PATH,
  clientFor,
  PARTNER_ID,
  rejectionOf,
  throwingClientFor,
} from "./support/fixtures.js";

const server = useTestServer();

/** `{"a":{"a":…}}` nested `depth` levels deep: valid JSON no recursive walk survives. */
function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** A raw loopback server for answers the test server cannot give (a body that never ends). */
async function rawServer(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const raw = createServer((req, res) => {
    if (req.url === PARTNER_TOKEN_PATH) {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ access_token: "tok", token_type: "Bearer", expires_in: 3600 }));
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
  opened.push(raw);
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
}
const opened: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const raw of opened.splice(0)) {
    raw.closeAllConnections();
    await new Promise((resolve) => raw.close(resolve));
  }
});

describe("an error body nested 20,000 levels deep", () => {
  const deep = {
    status: 400,
    text: deepJson(20_000),
    headers: { "content-type": "application/json" },
  };

  it("settles a throwOnError call with its ThredfiApiError", async () => {
    server.always("GET", BUSINESSES_PATH, deep);
    const error = await rejectionOf(throwingClientFor(server).partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiApiError);
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(() => inspect(error, { depth: Number.POSITIVE_INFINITY })).not.toThrow();
  });

  it("makes unwrap() throw a ThredfiApiError, not a RangeError", async () => {
    server.always("GET", BUSINESSES_PATH, deep);
    const error = await rejectionOf(unwrap(clientFor(server).partner.GET(BUSINESSES_PATH)));
    expect(error).toBeInstanceOf(ThredfiApiError);
  });

  it("makes paginate() throw a ThredfiApiError, and walks a page holding such an item", async () => {
    server.queue("GET", BUSINESSES_PATH, deep);
    const error = await rejectionOf(
      (async () => {
        for await (const _ of paginate(clientFor(server).partner, BUSINESSES_PATH));
      })(),
    );
    expect(error).toBeInstanceOf(ThredfiApiError);
    server.always("GET", BUSINESSES_PATH, {
      text: `{"count":2,"next":null,"results":[${deepJson(20_000)},{"id":"b"}]}`,
      headers: { "content-type": "application/json" },
    });
    const items: unknown[] = [];
    for await (const item of paginate(clientFor(server).partner, BUSINESSES_PATH)) items.push(item);
    expect(items).toHaveLength(2);
  });
});

describe("a logger whose methods reject", () => {
  it("never leaves an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const rejecting = async () => {
        throw new Error("logger down");
      };
      server.queue("GET", BUSINESSES_PATH, { status: 503, json: {} });
      const thredfi = clientFor(server, {
        logLevel: "debug",
        logger: { debug: rejecting, info: rejecting, warn: rejecting, error: rejecting },
      });
      const { response } = await thredfi.partner.GET(BUSINESSES_PATH);
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});

describe("the caller aborting while the body is read", () => {
  it("aborts the request on the wire: the server sees its socket close", async () => {
    let socketClosed: Promise<void> = new Promise(() => {});
    let headersSent: () => void = () => {};
    const sent = new Promise<void>((resolve) => {
      headersSent = resolve;
    });
    const url = await rawServer((req, res) => {
      socketClosed = new Promise((resolve) => req.socket.on("close", () => resolve()));
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"results":[');
      headersSent();
    });
    const controller = new AbortController();
    const thredfi = clientFor(server, { baseUrl: url });
    const call = thredfi.partner.GET(BUSINESSES_PATH, { signal: controller.signal });
    await sent;
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error("enough"));
    expect(((await rejectionOf(call)) as Error).message).toBe("enough");
    await expect(
      Promise.race([socketClosed.then(() => "closed"), delay(2000).then(() => "open")]),
    ).resolves.toBe("closed");
  });
});

describe("a user onResponse middleware returning a new Response", () => {
  it("keeps the echoed token and API key out of the error", async () => {
    server.always("GET", BUSINESSES_PATH, (request) => ({
      status: 400,
      json: { error: `bad ${request.headers.authorization} ${API_KEY}`, error_code: "echo" },
    }));
    const thredfi = clientFor(server);
    thredfi.partner.use({
      async onResponse({ response }) {
        return new Response(await response.text(), response);
      },
    });
    const error = (await rejectionOf(unwrap(thredfi.partner.GET(BUSINESSES_PATH)))) as Error;
    expect(error).toBeInstanceOf(ThredfiApiError);
    const token = server.issuedTokens[0] as string;
    for (const shown of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      JSON.stringify((error as ThredfiApiError).body),
    ]) {
      expect(shown).not.toContain(token);
      expect(shown).not.toContain(API_KEY);
    }
  });
});

describe("paginate against a server capping its pages", () => {
  it("walks on after a short page while next and count say there is more", async () => {
    server.always("GET", BUSINESSES_PATH, (request) => {
      const page = Number(new URL(request.url, "http://x").searchParams.get("page"));
      const first = (page - 1) * 100;
      const results = Array.from({ length: Math.max(0, Math.min(100, 250 - first)) }, (_, i) => ({
        id: `b-${first + i}`,
      }));
      return { json: { count: 250, next: first + 100 < 250 ? "more" : null, results } };
    });
    const items: unknown[] = [];
    for await (const item of paginate(clientFor(server).partner, BUSINESSES_PATH, {
      params: { query: { page_size: 500 } },
    }))
      items.push(item);
    expect(items).toHaveLength(250);
    expect(new Set(items.map((item) => (item as { id: string }).id)).size).toBe(250);
  });

  it("ends a cycle of pages (A, B, A) with a ThredfiError", async () => {
    server.always("GET", BUSINESSES_PATH, (request) => {
      const page = Number(new URL(request.url, "http://x").searchParams.get("page"));
      const id = page % 2 === 1 ? "a" : "b";
      return { json: { count: 1000, next: "more", results: [{ id }] } };
    });
    const error = await rejectionOf(
      (async () => {
        for await (const _ of paginate(clientFor(server).partner, BUSINESSES_PATH));
      })(),
    );
    expect(error).toBeInstanceOf(ThredfiError);
    expect((error as Error).message).toMatch(/cycle|again/i);
  });
});

describe("the 401 replay of two concurrent PUTs without an Idempotency-Key", () => {
  it("runs inside each call: its own deadline, and attempts counted per call", async () => {
    const path = `${BUSINESSES_PATH}00000000-0000-4000-8000-000000000001/`;
    let seen = 0;
    server.always("PUT", path, () =>
      ++seen <= 2
        ? { status: 401, json: { error: "invalid_token" }, delayMs: 500 }
        : { status: 404, json: {}, delayMs: 500 },
    );
    const thredfi = clientFor(server, { timeoutMs: 700, maxRetries: 0 });
    const put = () =>
      rejectionOf(
        unwrap(thredfi.partner.PUT(path as never, { body: { legal_name: "x" } } as never)),
      );
    const errors = await Promise.all([put(), put()]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ThredfiNotFoundError);
      expect((error as ThredfiApiError).attempts).toBe(2);
    }
    server.always("PUT", path, { status: 404, json: {} });
    expect(((await put()) as ThredfiApiError).attempts).toBe(1);
  });
});

describe("a same-origin 307 or 308 of a request with a body", () => {
  it.each([307, 308])("%i is followed once with the body intact", async (status) => {
    server.queue("POST", BUSINESSES_PATH, {
      status,
      headers: { location: `${BUSINESSES_PATH}?moved=1` },
    });
    server.always("POST", BUSINESSES_PATH, (request) => ({
      status: 201,
      json: { echoed: request.body },
    }));
    const { data, response } = await clientFor(server).partner.POST(BUSINESSES_PATH, {
      body: { legal_name: "Acme" } as never,
    });
    expect(response.status).toBe(201);
    expect(data).toEqual({ echoed: JSON.stringify({ legal_name: "Acme" }) });
    expect(server.count("POST", BUSINESSES_PATH)).toBe(2);
    const keys = server.requests
      .filter((request) => request.path === BUSINESSES_PATH)
      .map((request) => request.headers["idempotency-key"]);
    expect(keys[0]).toBeDefined();
    expect(keys[1]).toBe(keys[0]);
  });
});

describe("redirects that are not followed", () => {
  it("refuses one to another origin and names the status and origin; the key never goes there", async () => {
    const elsewhere = await rawServer((_req, res) => res.end("{}"));
    let reached = 0;
    opened[0]?.on("request", () => reached++);
    server.always("POST", BUSINESSES_PATH, {
      status: 307,
      headers: { location: `${elsewhere}${BUSINESSES_PATH}` },
    });
    const error = (await rejectionOf(
      clientFor(server).partner.POST(BUSINESSES_PATH, { body: {} as never }),
    )) as Error & { status?: number };
    expect(error).toBeInstanceOf(ThredfiError);
    expect(error.name).toBe("ThredfiRedirectError");
    expect(error.message).toContain("307");
    expect(error.message).toContain(elsewhere);
    expect(reached).toBe(0);
  });

  it("refuses one that takes a business token outside that business's paths", async () => {
    const business = "00000000-0000-4000-8000-000000000002";
    const other = "00000000-0000-4000-8000-000000000003";
    const path = `${BUSINESSES_PATH}${business}/`;
    server.always("GET", path, {
      status: 302,
      headers: { location: `${BUSINESSES_PATH}${other}/` },
    });
    const error = (await rejectionOf(
      clientFor(server)
        .business(business)
        .GET("/v1/platform/businesses/{business_id}/", {
          params: { path: { business_id: business } },
        }),
    )) as Error;
    expect(error.name).toBe("ThredfiRedirectError");
    expect(server.count("GET", `${BUSINESSES_PATH}${other}/`)).toBe(0);
  });

  it("stops after 5 hops", async () => {
    server.always("GET", BUSINESSES_PATH, (request) => ({
      status: 302,
      headers: { location: `${BUSINESSES_PATH}?hop=${request.url.length}` },
    }));
    const error = (await rejectionOf(clientFor(server).partner.GET(BUSINESSES_PATH))) as Error;
    expect(error.name).toBe("ThredfiRedirectError");
    expect(server.count("GET", BUSINESSES_PATH)).toBe(6);
  });
});

describe("two concurrent POSTs sharing the caller's Idempotency-Key", () => {
  it("aborting one leaves the other to succeed", async () => {
    server.always("POST", BUSINESSES_PATH, { status: 201, json: { id: "b" }, delayMs: 200 });
    const thredfi = clientFor(server);
    const controller = new AbortController();
    const post = (signal?: AbortSignal) =>
      thredfi.partner.POST(BUSINESSES_PATH, {
        body: {} as never,
        idempotencyKey: "shared-key",
        ...(signal ? { signal } : {}),
      });
    const aborted = post(controller.signal);
    const kept = post();
    await delay(50);
    controller.abort(new Error("only this one"));
    expect(((await rejectionOf(aborted)) as Error).message).toBe("only this one");
    const { response } = await kept;
    expect(response.status).toBe(201);
  });
});

describe("a ReadableStream body that never ends", () => {
  it("fails with ThredfiTimeoutError within timeoutMs, sent once", async () => {
    const url = await rawServer((req) => req.resume());
    const body = new ReadableStream({ pull: () => new Promise(() => {}) });
    const error = await rejectionOf(
      clientFor(server, { baseUrl: url, timeoutMs: 300 }).partner.POST(BUSINESSES_PATH, {
        body: body as never,
        bodySerializer: (stream: unknown) => stream,
        headers: { "content-type": "application/octet-stream" },
      } as never),
    );
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
  });
});

describe("what reaches the wire", () => {
  it("token requests carry no Idempotency-Key", async () => {
    const business = "00000000-0000-4000-8000-000000000004";
    await clientFor(server).tokens.business(business);
    const tokenRequests = server.requests.filter((request) => request.path.includes("/oauth2/"));
    expect(tokenRequests).toHaveLength(2);
    for (const request of tokenRequests) expect(request.headers["idempotency-key"]).toBeUndefined();
  });

  it("per-call options are never sent", async () => {
    await clientFor(server).partner.POST(BUSINESSES_PATH, {
      body: { legal_name: "Acme" } as never,
      timeoutMs: 5_000,
      maxRetries: 0,
      idempotencyKey: "key-1",
      signal: new AbortController().signal,
    });
    const [request] = server.requests.filter((seen) => seen.path === BUSINESSES_PATH);
    expect(request?.url).toBe(BUSINESSES_PATH);
    expect(request?.body).toBe(JSON.stringify({ legal_name: "Acme" }));
    expect(request?.headers["idempotency-key"]).toBe("key-1");
    const names = Object.keys(request?.headers ?? {}).join(" ");
    expect(names).not.toMatch(/timeout|retries|signal/i);
  });

  it.each(["-1", "5, 10", "1.5", "soon"])(
    "ignores a Retry-After of %j in favour of the backoff",
    async (retryAfter) => {
      server.queue("GET", BUSINESSES_PATH, {
        status: 503,
        json: {},
        headers: { "retry-after": retryAfter },
      });
      const lines: string[] = [];
      await clientFor(server, {
        logLevel: "info",
        logger: { info: (line) => lines.push(line) },
      }).partner.GET(BUSINESSES_PATH);
      const waited = lines.join("\n").match(/retrying in (\d+) ms/);
      expect(Number(waited?.[1])).toBeLessThanOrEqual(4);
    },
  );
});

describe("token errors", () => {
  it("a refused API key is a ThredfiAuthError with its code, status and requestId", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, {
      status: 401,
      json: { error: "invalid_client", error_description: "bad credentials" },
      headers: { "x-request-id": "req-77" },
    });
    const error = (await rejectionOf(clientFor(server).partner.GET(BUSINESSES_PATH))) as {
      name: string;
      code: string;
      status: number;
      requestId: string;
    };
    expect(error).toMatchObject({
      name: "ThredfiAuthError",
      code: "invalid_client",
      status: 401,
      requestId: "req-77",
    });
  });

  it("a token request failing on the network carries its attempts", async () => {
    const error = (await rejectionOf(
      clientFor(server, { baseUrl: "http://127.0.0.1:1", maxRetries: 1 }).tokens.partner(),
    )) as { code: string; attempts: number };
    expect(error.code).toBe("network_error");
    expect(error.attempts).toBe(2);
  });

  it("a business id that is not a UUID is refused as invalid_business_id", () => {
    expect(() => clientFor(server).business("acme-ltd")).toThrow(
      expect.objectContaining({ code: "invalid_business_id" }),
    );
  });

  it("a business token for another business names the business it was for", async () => {
    const asked = "00000000-0000-4000-8000-000000000005";
    const named = "00000000-0000-4000-8000-000000000006";
    server.always("POST", `/v1/platform/${asked}/oauth2/token/`, {
      json: { access_token: "t", token_type: "Bearer", expires_in: 3600, business_id: named },
    });
    const error = (await rejectionOf(clientFor(server).tokens.business(asked))) as Error;
    expect(error.message).toContain(named);
    expect(error.message).not.toContain(PARTNER_ID);
  });
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("a call whose answer is read as a stream", () => {
  it("keeps its body readable while later calls of the client time out", async () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ id: `b-${i}` }));
    server.always("GET", BUSINESSES_PATH, { json: { count: 2000, next: null, results: items } });
    const hung = `${BUSINESSES_PATH}00000000-0000-4000-8000-000000000009/`;
    server.always("GET", hung, { until: new Promise(() => {}) });
    const thredfi = clientFor(server, { timeoutMs: 100, maxRetries: 0 });
    const { data } = await thredfi.partner.GET(BUSINESSES_PATH, { parseAs: "stream" });
    for (let i = 0; i < 3; i++) {
      expect(await rejectionOf(thredfi.partner.GET(hung as never))).toBeInstanceOf(
        ThredfiTimeoutError,
      );
    }
    const text = await new Response(data as ReadableStream).text();
    expect(JSON.parse(text).results).toHaveLength(2000);
  });
});

describe("a signal-deaf fetch whose timed-out attempt settles late", () => {
  it("still times out the retry that follows it", async () => {
    let calls = 0;
    const deaf = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).includes("/oauth2/")) {
        return fetch(input, init);
      }
      calls++;
      // The first attempt ends 150 ms in, after its 100 ms deadline; the retry never does.
      if (calls === 1) return delay(150).then(() => Promise.reject(new TypeError("late")));
      return new Promise<Response>(() => {});
    };
    const error = await rejectionOf(
      clientFor(server, { fetch: deaf, timeoutMs: 100, maxRetries: 1 }).partner.GET(
        BUSINESSES_PATH,
      ),
    );
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
    expect((error as ThredfiTimeoutError).attempts).toBe(2);
  });
});

describe("abort controllers taken in turn by many calls", () => {
  it("raise no listener warning over hundreds of calls through the real fetch", async () => {
    const warnings: Error[] = [];
    const record = (warning: Error) => warnings.push(warning);
    process.on("warning", record);
    try {
      const thredfi = clientFor(server);
      for (let i = 0; i < 300; i++) await thredfi.partner.GET(BUSINESSES_PATH);
      await Promise.all(Array.from({ length: 50 }, () => thredfi.partner.GET(BUSINESSES_PATH)));
      await delay(20);
      expect(warnings.map((warning) => warning.name)).toEqual([]);
    } finally {
      process.off("warning", record);
    }
  });
});
