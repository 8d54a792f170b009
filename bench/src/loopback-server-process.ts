import { spawn } from "node:child_process";
import type { RequestCounts } from "./thredfi-routes.js";
import { tsChildArgv } from "./ts-child.js";

/** A running loopback server in a child process. */
export interface LoopbackServer {
  baseUrl: string;
  /** Zeroes the counts and sets how long token endpoints wait before answering. */
  reset(options?: { tokenDelayMs?: number }): Promise<void>;
  counts(): Promise<RequestCounts>;
  stop(): Promise<void>;
}

/**
 * Starts `loopback-server.ts` in a child process and waits for its port. The child exits when
 * its stdin closes, so it dies with this process even on a crash.
 */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const [command, ...args] = tsChildArgv("./loopback-server.ts");
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
