import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import {
  createThredfiClient,
  ThredfiAuthError,
  ThredfiConnectionError,
  type ThredfiFetch,
  ThredfiTimeoutError,
} from "../src/index.js";
import {
  API_KEY,
  BUSINESSES_PATH,
  clientFor,
  PARTNER_ID,
  rejectionOf,
} from "./support/fixtures.js";

const server = useTestServer();

const HUNG = { delayMs: 5_000, json: {} };

/** A fetch that never settles for API paths and ignores every signal. */
const deafToApiCalls: ThredfiFetch = (request, init) =>
  request.url.includes("/businesses/") ? new Promise<Response>(() => {}) : fetch(request, init);

describe("timeoutMs bounds every attempt", () => {
  it("a hung API call throws ThredfiTimeoutError after timeoutMs", async () => {
    server.always("GET", BUSINESSES_PATH, HUNG);
    const thredfi = clientFor(server, { timeoutMs: 150, maxRetries: 0 });
    await thredfi.tokens.partner();
    const started = Date.now();
    const error = await rejectionOf(thredfi.partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect((error as ThredfiTimeoutError).attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("each attempt gets its own timeout, and timeouts are retried", async () => {
    server.always("GET", BUSINESSES_PATH, HUNG);
    const thredfi = clientFor(server, { timeoutMs: 100, maxRetries: 2 });
    const error = await rejectionOf(thredfi.partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
    expect((error as ThredfiTimeoutError).attempts).toBe(3);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(3);
  });

  it("a timed-out attempt followed by an answer succeeds", async () => {
    server.queue("GET", BUSINESSES_PATH, HUNG);
    const { response } = await clientFor(server, { timeoutMs: 150 }).partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
  });

  it("a fetch that ignores abort signals still times out", async () => {
    const thredfi = clientFor(server, { timeoutMs: 100, maxRetries: 1, fetch: deafToApiCalls });
    const error = await rejectionOf(thredfi.partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
    expect((error as ThredfiTimeoutError).attempts).toBe(2);
  });

  it("a signal-aware fetch sees its signal abort when the attempt times out", async () => {
    server.always("GET", BUSINESSES_PATH, HUNG);
    const signals: AbortSignal[] = [];
    const watching: ThredfiFetch = (request, init) => {
      signals.push(init?.signal ?? (request as Request).signal);
      return fetch(request, init);
    };
    const thredfi = clientFor(server, { timeoutMs: 100, maxRetries: 0, fetch: watching });
    await rejectionOf(thredfi.partner.GET(BUSINESSES_PATH));
    expect(signals.at(-1)?.aborted).toBe(true);
    expect(signals.at(-1)?.reason).toBeInstanceOf(ThredfiTimeoutError);
  });

  it("a hung token endpoint fails the call with ThredfiAuthError timeout after its retries", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, HUNG);
    const thredfi = clientFor(server, { timeoutMs: 100 });
    const error = await rejectionOf(thredfi.partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect((error as ThredfiAuthError).code).toBe("timeout");
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(3);
  });

  it("tokens.partner() reports a hung token endpoint as timeout too", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, HUNG);
    const error = await rejectionOf(
      clientFor(server, { timeoutMs: 100, maxRetries: 0 }).tokens.partner(),
    );
    expect((error as ThredfiAuthError).code).toBe("timeout");
  });

  it("a token request that timed out once is retried and succeeds", async () => {
    server.queue("POST", PARTNER_TOKEN_PATH, HUNG);
    const token = await clientFor(server, { timeoutMs: 150 }).tokens.partner();
    expect(token.access_token).toEqual(expect.any(String));
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });
});

describe("the caller's abort", () => {
  it("ends a hung call at once with the signal's reason", async () => {
    server.always("GET", BUSINESSES_PATH, HUNG);
    const thredfi = clientFor(server);
    await thredfi.tokens.partner();
    const controller = new AbortController();
    const pending = thredfi.partner.GET(BUSINESSES_PATH, { signal: controller.signal });
    setTimeout(() => controller.abort("stop"), 50);
    expect(await rejectionOf(pending)).toBe("stop");
  });

  it("ends a call through a signal-deaf fetch with the signal's reason", async () => {
    const thredfi = clientFor(server, { fetch: deafToApiCalls });
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const pending = thredfi.partner.GET(BUSINESSES_PATH, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    expect(await rejectionOf(pending)).toBe(reason);
  });

  it("a signal aborted before the call rejects with its reason and sends nothing", async () => {
    const thredfi = clientFor(server);
    await thredfi.tokens.partner();
    const reason = new Error("already");
    const error = await rejectionOf(
      thredfi.partner.GET(BUSINESSES_PATH, { signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBe(reason);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(0);
  });

  it("ends the wait for a token at once", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, HUNG);
    const controller = new AbortController();
    const pending = clientFor(server).partner.GET(BUSINESSES_PATH, { signal: controller.signal });
    setTimeout(() => controller.abort("bye"), 50);
    const started = Date.now();
    expect(await rejectionOf(pending)).toBe("bye");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("nothing raw reaches the caller", () => {
  it("a fetch that throws a TypeError surfaces as ThredfiConnectionError with the TypeError as cause", async () => {
    const cause = new TypeError("fetch failed");
    const failing: ThredfiFetch = (request, init) =>
      request.url.includes("/businesses/") ? Promise.reject(cause) : fetch(request, init);
    const error = await rejectionOf(
      clientFor(server, { fetch: failing }).partner.GET(BUSINESSES_PATH),
    );
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect((error as Error).cause).toBe(cause);
  });

  it("a fetch that throws synchronously surfaces as ThredfiConnectionError", async () => {
    const throwing: ThredfiFetch = (request, init) => {
      if (request.url.includes("/businesses/")) throw new TypeError("not a fetch");
      return fetch(request, init);
    };
    const error = await rejectionOf(
      clientFor(server, { fetch: throwing }).partner.GET(BUSINESSES_PATH),
    );
    expect(error).toBeInstanceOf(ThredfiConnectionError);
    expect((error as ThredfiConnectionError).attempts).toBe(3);
  });

  it("an invalid JSON body in a 2xx answer surfaces as a ThredfiError, not a SyntaxError", async () => {
    server.always("GET", BUSINESSES_PATH, {
      text: "{not json",
      headers: { "content-type": "application/json" },
    });
    const error = await rejectionOf(clientFor(server).partner.GET(BUSINESSES_PATH));
    expect((error as Error).name).toBe("ThredfiError");
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});

describe("the timeout covers reading the body", () => {
  it("a body that stalls after the headers throws ThredfiTimeoutError", async () => {
    const stalling = await startStallingServer();
    try {
      const thredfi = clientFor(server, { timeoutMs: 200, maxRetries: 0 });
      await thredfi.tokens.partner();
      const error = await rejectionOf(
        thredfi.partner.GET(BUSINESSES_PATH, { baseUrl: stalling.url }),
      );
      expect(error).toBeInstanceOf(ThredfiTimeoutError);
    } finally {
      await stalling.close();
    }
  });

  it("a token response whose body stalls fails with ThredfiAuthError timeout", async () => {
    const stalling = await startStallingServer();
    try {
      const error = await rejectionOf(
        createThredfiClient({
          partnerId: PARTNER_ID,
          apiKey: API_KEY,
          baseUrl: stalling.url,
          timeoutMs: 150,
          maxRetries: 1,
          logger: {},
        }).tokens.partner(),
      );
      expect((error as ThredfiAuthError).code).toBe("timeout");
    } finally {
      await stalling.close();
    }
  });

  it("a body that stalls behind a signal-deaf fetch throws ThredfiTimeoutError", async () => {
    const stalledBody: ThredfiFetch = (request, init) =>
      request.url.includes("/businesses/")
        ? Promise.resolve(
            new Response(
              new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("{")) }),
              {
                headers: { "content-type": "application/json" },
              },
            ),
          )
        : fetch(request, init);
    const thredfi = clientFor(server, { timeoutMs: 200, maxRetries: 0, fetch: stalledBody });
    const error = await rejectionOf(thredfi.partner.GET(BUSINESSES_PATH));
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
  });

  it("a call answered in time stops its timer: the attempt's signal never aborts", async () => {
    const signals: AbortSignal[] = [];
    const watching: ThredfiFetch = (request, init) => {
      signals.push(init?.signal ?? (request as Request).signal);
      return fetch(request, init);
    };
    const thredfi = clientFor(server, { timeoutMs: 150, fetch: watching });
    await thredfi.partner.GET(BUSINESSES_PATH);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.filter((signal) => signal.aborted)).toEqual([]);
  });
});

/** A server that sends headers and the first byte of a body, then nothing. */
async function startStallingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.write("{");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
