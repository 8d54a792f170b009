import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";

/** A `redis-server` the benchmark started on a free loopback port. */
export interface BenchRedis {
  url: string;
  stop(): Promise<void>;
}

/** Whether `redis-server` can be run here. */
export function hasRedisServer(): boolean {
  const probe = spawnSync("redis-server", ["--version"]);
  return probe.error === undefined && probe.status === 0;
}

// `$@` is redis-server's arguments; the shell kills it when its stdin (held by this process)
// ends, so Redis dies with the benchmark however that ends.
const GUARD =
  'redis-server "$@" & pid=$!; trap "kill -9 $pid 2>/dev/null" EXIT; cat >/dev/null; kill $pid; wait $pid';

/** Starts an empty `redis-server` (no snapshots, no append-only file) on 127.0.0.1. */
export async function startBenchRedis(): Promise<BenchRedis> {
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn("sh", ["-c", GUARD, "sh", ...args], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      seen += chunk;
      if (seen.includes("Ready to accept connections")) resolve();
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin.end();
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
