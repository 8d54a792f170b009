import { connect, createServer, type Socket } from "node:net";

/** A TCP proxy in front of Redis that holds every chunk, each way, for `delayMs`. */
export interface DelayProxy {
  /** `redis://127.0.0.1:<port>` of the proxy. */
  readonly url: string;
  delayMs: number;
  close(): Promise<void>;
}

/** Starts a proxy to `127.0.0.1:targetPort` on a free loopback port. */
export async function startDelayProxy(targetPort: number, delayMs: number): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const proxy: DelayProxy = { url: "", delayMs, close };
  // Each chunk leaves `delayMs` after it came, and never before the chunk ahead of it.
  const relay = (from: Socket, to: Socket) => {
    let last = 0;
    const later = (action: () => void) => {
      const at = Math.max(Date.now() + proxy.delayMs, last);
      last = at;
      setTimeout(action, at - Date.now());
    };
    from.on("data", (chunk) => later(() => to.destroyed || to.write(chunk)));
    from.on("close", () => later(() => to.destroy()));
    from.on("error", () => {});
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) sockets.add(socket);
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  Object.assign(proxy, {
    url: `redis://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
  });
  function close(): Promise<void> {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  }
  return proxy;
}
