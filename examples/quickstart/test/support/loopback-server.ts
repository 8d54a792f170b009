import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

const open: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/** One request a loopback server received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingMessage["headers"];
  /** The body as text; empty when there was none. */
  body: string;
}

/**
 * An HTTP server on 127.0.0.1 answering with `handle`, recording every request; closed after
 * the test. Resolves to its base URL and the requests so far.
 */
export async function loopbackServer(
  handle: (
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse,
  ) => Promise<void> | void,
): Promise<{ url: string; requests: ReceivedRequest[] }> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body: body.toString("utf8"),
    });
    await handle(request, body, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  open.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
}

/** One answer a {@link recordingProxy} passed back. */
export interface ProxiedAnswer {
  method: string;
  /** Path and query. */
  url: string;
  status: number;
  /** The mock's `sl-violations` header: how the request broke the spec, or `null`. */
  violations: string | null;
}

/**
 * A loopback server that forwards every request to `target` (e.g. the mock) and records it, and
 * what came back in `answers`.
 */
export async function recordingProxy(target: string) {
  const answers: ProxiedAnswer[] = [];
  const proxy = await loopbackServer(async (request, body, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "content-length") {
        headers.set(name, value);
      }
    }
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method ?? "GET",
      headers,
      body: body.length > 0 ? new Uint8Array(body) : null,
    });
    answers.push({
      method: request.method ?? "",
      url: request.url ?? "",
      status: upstream.status,
      violations: upstream.headers.get("sl-violations"),
    });
    response.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
    });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  return { ...proxy, answers };
}

/** Answers `body` as JSON with `status`. */
export function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
