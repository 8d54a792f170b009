import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tsChildArgv } from "../support/child-process.js";
import { businessListBody, businessTokenBody, partnerTokenBody } from "../support/fixtures.js";

// The fake Thredfi API every measurement talks to: the same routes answered either by an
// in-process `fetch` (no network, only the client's own work is measured) or by a loopback
// `node:http` server in a child process (so server work stays off the clients' event loop).

/** Running counts of the requests the fake Thredfi API has answered. */
export interface RequestCounts {
  partnerToken: number;
  businessToken: number;
  api: number;
}

/** An in-process `fetch` that answers at once, with the counts of what it answered. */
export interface AnsweringFetch {
  fetch: typeof globalThis.fetch;
  counts: RequestCounts;
}

/** The fake Thredfi API running as a loopback server in a child process. */
export interface FakeThredfiServer {
  baseUrl: string;
  /** Zeroes the counts and sets how long token endpoints wait before answering. */
  reset(options?: { tokenDelayMs?: number }): Promise<void>;
  counts(): Promise<RequestCounts>;
  stop(): Promise<void>;
}

/**
 * Creates a `fetch` that never touches the network: it answers each request immediately from
 * the fake routes, so a benchmark measures only the client's own work.
 */
export function createAnsweringFetch(): AnsweringFetch {
  const counts = emptyCounts();
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = input instanceof Request ? input.method : (init?.method ?? "GET");
    const url = input instanceof Request ? input.url : String(input);
    const answer = answerThredfiRequest(method, new URL(url).pathname, counts);
    return new Response(answer.body, { status: answer.status, headers: jsonHeaders });
  };
  return { fetch, counts };
}

/**
 * Starts the loopback server in a child process and waits for its port. The child exits when
 * its stdin closes, so it dies with this process even on a crash.
 */
export async function startFakeThredfiServer(): Promise<FakeThredfiServer> {
  const [command, ...args] = tsChildArgv(new URL("./loopback-server-process.ts", import.meta.url));
  const child = spawn(command as string, args, { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`loopback server exited with ${code}`)));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      seen += chunk;
      const match = /listening (\d+)/.exec(seen);
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    async reset(options = {}) {
      const delay = options.tokenDelayMs ?? 0;
      await (
        await fetch(`${baseUrl}/__bench/reset?tokenDelayMs=${delay}`, { method: "POST" })
      ).text();
    },
    async counts() {
      return (await (await fetch(`${baseUrl}/__bench/counts`)).json()) as RequestCounts;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.stdin.end();
      });
    },
  };
}

/**
 * The request handler of the loopback server: the fake routes, plus `/__bench/counts` and
 * `/__bench/reset?tokenDelayMs=` for the process that drives it.
 */
export function createLoopbackHandler(): (
  request: IncomingMessage,
  response: ServerResponse,
) => void {
  const counts = emptyCounts();
  let tokenDelayMs = 0;
  return (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const reply = (body: string, status: number) => {
      response.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    };
    request.resume();
    request.on("end", () => {
      if (url.pathname === "/__bench/counts") {
        reply(JSON.stringify(counts), 200);
        return;
      }
      if (url.pathname === "/__bench/reset") {
        Object.assign(counts, emptyCounts());
        tokenDelayMs = Number(url.searchParams.get("tokenDelayMs") ?? "0");
        reply("{}", 200);
        return;
      }
      const answer = answerThredfiRequest(request.method ?? "GET", url.pathname, counts);
      if (answer.kind === "api" || tokenDelayMs === 0) reply(answer.body, answer.status);
      else setTimeout(() => reply(answer.body, answer.status), tokenDelayMs);
    });
  };
}

interface RouteAnswer {
  kind: "partner-token" | "business-token" | "api";
  status: number;
  body: string;
}

const jsonHeaders = { "content-type": "application/json" };
const businessTokenPath = /^\/v1\/platform\/([0-9a-f-]{36})\/oauth2\/token\/$/;
const businessPath = /^\/v1\/platform\/businesses\/([0-9a-f-]{36})\//;

function emptyCounts(): RequestCounts {
  return { partnerToken: 0, businessToken: 0, api: 0 };
}

/**
 * Answers one request the way the Thredfi API would for the benchmark: tokens on the two token
 * endpoints, a small JSON body on every other path. Counts the request in `counts`.
 */
function answerThredfiRequest(
  method: string,
  pathname: string,
  counts: RequestCounts,
): RouteAnswer {
  if (method === "POST" && pathname === "/v1/platform/oauth2/token/") {
    counts.partnerToken++;
    return { kind: "partner-token", status: 200, body: partnerTokenBody(counts.partnerToken) };
  }
  const tokenMatch = method === "POST" ? businessTokenPath.exec(pathname) : null;
  if (tokenMatch?.[1] !== undefined) {
    counts.businessToken++;
    return {
      kind: "business-token",
      status: 200,
      body: businessTokenBody(tokenMatch[1], counts.businessToken),
    };
  }
  counts.api++;
  const businessMatch = businessPath.exec(pathname);
  if (businessMatch?.[1] !== undefined) {
    return { kind: "api", status: 200, body: JSON.stringify({ id: businessMatch[1] }) };
  }
  return { kind: "api", status: 200, body: businessListBody };
}
