import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** One request as the server saw it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/v1/platform/businesses/?page=2`. */
  url: string;
  /** Path only: the key of {@link TestServer.count}. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the server answers one request. */
export interface Reply {
  status?: number;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `text/plain` unless `headers` says otherwise. */
  text?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer only once this settles, e.g. a gate the test opens. */
  until?: Promise<unknown>;
  /** Drop the connection instead of answering. */
  destroy?: boolean;
}

type Responder = Reply | ((request: ReceivedRequest) => Reply);

/** A loopback Thredfi stand-in that counts calls per route and answers on demand. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`, known once the server listens and kept after it closes. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Calls of `method path`, e.g. `count("POST", PARTNER_TOKEN_PATH)`. */
  count(method: string, path: string): number;
  /** Every token the server has issued so far. */
  readonly issuedTokens: string[];
  /** TCP connections opened since the last `reset()`. */
  readonly connections: number;
  /** The default answer to `request`: a new token for a token request, `{ ok: true }` else. */
  standardReply(request: ReceivedRequest): Reply;
  /** Answers the next request of `method path` as usual, but only once `until` settles. */
  hold(method: string, path: string, until: Promise<unknown>): void;
  /** Answers the next requests of `method path` with `replies`, in order, once each. */
  queue(method: string, path: string, ...replies: Responder[]): void;
  /** Answers every request of `method path` with `reply` until `reset()`. */
  always(method: string, path: string, reply: Responder): void;
  /** Forgets recorded requests, issued tokens and custom replies. */
  reset(): void;
  listen(): Promise<void>;
  close(): Promise<void>;
}

export const PARTNER_TOKEN_PATH = "/v1/platform/oauth2/token/";
const BUSINESS_TOKEN_PATH = /^\/v1\/platform\/([^/]+)\/oauth2\/token\/$/;

/**
 * The test server of a test file: listening before its first test, reset before each test and
 * closed after its last. Its `url` is read once it listens, so the handle can be taken at module
 * level.
 */
export function useTestServer(): TestServer {
  const server = createTestServer();
  beforeAll(() => server.listen());
  beforeEach(() => server.reset());
  afterAll(() => server.close());
  return server;
}

/** A test server listening now; the caller closes it. */
export async function startTestServer(): Promise<TestServer> {
  const server = createTestServer();
  await server.listen();
  return server;
}

/**
 * Creates the server; `listen()` binds it to 127.0.0.1 on a free port. By default it issues a new partner token per
 * token request (`expires_in` 3600), a business token naming the business asked for, and answers
 * every other route 200 with `{ "ok": true }`.
 */
function createTestServer(): TestServer {
  const requests: ReceivedRequest[] = [];
  const issuedTokens: string[] = [];
  const queued = new Map<string, Responder[]>();
  const fixed = new Map<string, Responder>();
  let serial = 0;
  let connections = 0;
  // Kept after close(), so a test can aim at a server that no longer listens.
  let url: string | undefined;

  function defaultReply(request: ReceivedRequest): Reply {
    if (request.method === "POST" && request.path === PARTNER_TOKEN_PATH) {
      const access_token = `partner-token-${++serial}-${process.pid}`;
      issuedTokens.push(access_token);
      return { json: { access_token, token_type: "Bearer", expires_in: 3600 } };
    }
    const business = BUSINESS_TOKEN_PATH.exec(request.path)?.[1];
    if (request.method === "POST" && business !== undefined) {
      const access_token = `business-token-${business.slice(0, 8)}-${++serial}`;
      issuedTokens.push(access_token);
      return {
        json: {
          access_token,
          token_type: "Bearer",
          expires_in: 3600,
          scope: "business_access",
          business_id: business,
        },
      };
    }
    return { json: { ok: true } };
  }

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = req.url ?? "/";
    const received: ReceivedRequest = {
      method: req.method ?? "GET",
      url: target,
      path: target.split("?")[0] ?? target,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(received);
    const key = `${received.method} ${received.path}`;
    const responder = queued.get(key)?.shift() ?? fixed.get(key) ?? defaultReply;
    const reply = typeof responder === "function" ? responder(received) : responder;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    await reply.until;
    if (res.destroyed) return;
    if (reply.destroy) {
      res.socket?.destroy();
      return;
    }
    const body = reply.json === undefined ? (reply.text ?? "") : JSON.stringify(reply.json);
    res.writeHead(reply.status ?? 200, {
      "Content-Type": reply.json === undefined ? "text/plain" : "application/json",
      ...reply.headers,
    });
    res.end(body);
  });
  server.on("connection", () => connections++);

  return {
    get url() {
      if (url === undefined) throw new Error("the test server is used before it listens");
      return url;
    },
    requests,
    issuedTokens,
    get connections() {
      return connections;
    },
    count: (method, path) => requests.filter((r) => r.method === method && r.path === path).length,
    standardReply: defaultReply,
    hold(method, path, until) {
      this.queue(method, path, (request) => ({ ...defaultReply(request), until }));
    },
    queue(method, path, ...replies) {
      const key = `${method} ${path}`;
      queued.set(key, [...(queued.get(key) ?? []), ...replies]);
    },
    always(method, path, reply) {
      fixed.set(`${method} ${path}`, reply);
    },
    reset() {
      requests.length = 0;
      issuedTokens.length = 0;
      queued.clear();
      fixed.clear();
      connections = 0;
    },
    listen() {
      return new Promise((resolve) =>
        server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, () => {
          url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          resolve();
        }),
      );
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
