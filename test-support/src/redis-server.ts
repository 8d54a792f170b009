import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { freePort } from "./free-port.js";

/** A `redis-server` on 127.0.0.1 that the tests start, stop and start again on the same port. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Whether it runs now. */
  readonly running: boolean;
  /** Starts it (empty: nothing is persisted) and resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Whether `redis-server` can be run on this machine. */
export function hasRedisServer(): boolean {
  const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  return probe.error === undefined && probe.status === 0;
}

/**
 * A `redis-server` on a free loopback port, not started yet: no snapshots, no append-only file,
 * so every start is empty. It runs under a `sh` that holds its stdin pipe from this process and
 * kills it at end-of-file, so it dies with this process however that ends.
 */
export async function createRedisServer(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  let child: ChildProcessWithoutNullStreams | undefined;
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    get running() {
      return child !== undefined;
    },
    async start() {
      if (child) return;
      child = spawnRedis(chosen);
      await readyOrExit(child);
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      if (running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once("exit", () => resolve());
        running.stdin.end();
      });
    },
  };
}

// `$@` is redis-server's own arguments; `wait` lets the shell exit only once Redis has.
const GUARD =
  'redis-server "$@" & pid=$!; trap "kill -9 $pid 2>/dev/null" EXIT; cat >/dev/null; kill $pid; wait $pid';

function spawnRedis(port: number): ChildProcessWithoutNullStreams {
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--protected-mode",
    "yes",
    "--loglevel",
    "notice",
  ];
  return spawn("sh", ["-c", GUARD, "sh", ...args], { stdio: ["pipe", "pipe", "pipe"] });
}

function readyOrExit(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Ready to accept connections")) {
        child.stdout.off("data", onData);
        child.stdout.resume();
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
}
