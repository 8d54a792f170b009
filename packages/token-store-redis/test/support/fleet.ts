import { type ChildProcessByStdio, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";

/** How each fleet member is set up. */
export interface MemberConfig {
  redisUrl: string;
  baseUrl: string;
  partnerId: string;
  apiKey: string;
  keyPrefix: string;
  /** The store's bound per Redis command. */
  commandTimeoutMs: number;
}

/** A log line a member's client wrote. */
export interface MemberLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
}

/** What a member is told to do. */
export type MemberCommand =
  /** Each business's token at once (after forgetting every cached token, with `clear`). */
  | { op: "tokens"; businesses: string[]; clear?: boolean }
  /** `tokens` with `clear`, again and again for `durationMs`, `intervalMs` apart. */
  | { op: "loop"; businesses: string[]; durationMs: number; intervalMs: number }
  /** Every log line so far. */
  | { op: "logs" };

export interface TokensReply {
  tokens: Array<string | null>;
  failures: number;
  ms: number;
}
export interface LoopReply {
  calls: number;
  failures: number;
  maxMs: number;
}

/** One Node process of the fleet, running `fixtures/fleet-member.ts`. */
export interface FleetMember {
  tokens(businesses: string[], clear?: boolean): Promise<TokensReply>;
  loop(businesses: string[], durationMs: number, intervalMs: number): Promise<LoopReply>;
  logs(): Promise<MemberLine[]>;
}

/** Processes each with its own client and Redis token store; `close()` ends them. */
export interface Fleet {
  members: FleetMember[];
  close(): Promise<void>;
}

const memberScript = fileURLToPath(new URL("../fixtures/fleet-member.ts", import.meta.url));

/**
 * Starts `size` member processes and resolves once each is ready. They read the workspace's
 * sources through tsx, as the tests do, and exit when their stdin closes (with this process).
 */
export async function startFleet(size: number, config: MemberConfig): Promise<Fleet> {
  const children = Array.from({ length: size }, () =>
    spawn(
      process.execPath,
      ["--conditions=@thredfi/source", "--import", "tsx", memberScript, JSON.stringify(config)],
      { stdio: ["pipe", "pipe", "inherit"] },
    ),
  );
  const members = await Promise.all(children.map(member));
  return {
    members,
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.stdin.end();
            }),
        ),
      );
    },
  };
}

async function member(child: ChildProcessByStdio<Writable, Readable, null>): Promise<FleetMember> {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.once("exit", (code) => reject(new Error(`fleet member exited with ${code}`)));
  });
  createInterface({ input: child.stdout }).on("line", (text) => {
    const message = JSON.parse(text) as {
      ready?: true;
      id?: number;
      reply?: unknown;
      error?: string;
    };
    if (message.ready) return ready();
    const pending = waiting.get(message.id ?? -1);
    waiting.delete(message.id ?? -1);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.reply);
  });
  await started;
  const send = <T>(command: MemberCommand) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.stdin.write(`${JSON.stringify({ ...command, id })}\n`);
    });
  return {
    tokens: (businesses, clear = false) => send({ op: "tokens", businesses, clear }),
    loop: (businesses, durationMs, intervalMs) =>
      send({ op: "loop", businesses, durationMs, intervalMs }),
    logs: async () => (await send<{ lines: MemberLine[] }>({ op: "logs" })).lines,
  };
}
