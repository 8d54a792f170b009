import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** A Prism process started by its own command line. */
export interface PlainPrism {
  readonly pid: number;
  readonly url: string;
  /** Kills Prism (SIGKILL) and resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const listeningLine = /Prism is listening on (http:\/\/\S+)/;
const startTimeoutMs = 60_000;

/** The Prism CLI `@thredfi/mock` runs: the `prism` bin of the `@stoplight/prism-cli` it depends on. */
export function prismCliPath(): string {
  const { path, manifest } = prismCliManifest();
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.prism;
  if (bin === undefined) throw new Error(`${path} declares no "prism" bin`);
  return join(dirname(path), bin);
}

/** The version of that Prism CLI. */
export function prismCliVersion(): string {
  return prismCliManifest().manifest.version;
}

function prismCliManifest() {
  const fromMock = createRequire(import.meta.resolve("@thredfi/mock/package.json"));
  const path = fromMock.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(path, "utf8")) as {
    version: string;
    bin?: string | Record<string, string>;
  };
  return { path, manifest };
}

/**
 * Starts Prism the plain way, `node <prism-cli.js> mock <spec> -h 127.0.0.1 -p 0
 * --multiprocess=false`, with the environment `startMock()` gives it, and resolves once it
 * answers HTTP, probed as `startMock()` probes. Prism is killed when it does not start.
 */
export async function startPlainPrism(spec: string): Promise<PlainPrism> {
  const prism = spawn(
    process.execPath,
    [prismCliPath(), "mock", spec, "-h", "127.0.0.1", "-p", "0", "--multiprocess=false"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
  );
  const exited = new Promise<void>((resolveExit) => prism.once("close", () => resolveExit()));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopProcess(prism, exited);
    return stopping;
  };
  try {
    const url = await answeringUrl(prism);
    return { pid: prism.pid as number, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function answeringUrl(prism: ChildProcess): Promise<string> {
  let output = "";
  let spawnError: Error | undefined;
  prism.once("error", (error) => {
    spawnError = error;
  });
  prism.stdout?.on("data", (chunk: Buffer) => {
    output = (output + String(chunk)).slice(-64 * 1024);
  });
  // Read, so that Prism never blocks on a full pipe.
  prism.stderr?.resume();
  const deadline = performance.now() + startTimeoutMs;
  for (;;) {
    if (spawnError !== undefined) throw spawnError;
    if (prism.exitCode !== null || prism.signalCode !== null) {
      throw new Error(`Prism exited before answering:\n${output}`);
    }
    if (performance.now() > deadline) {
      throw new Error(`Prism did not answer within ${startTimeoutMs} ms:\n${output}`);
    }
    const url = listeningLine.exec(output)?.[1];
    if (url !== undefined && (await answers(url))) return url;
    await sleep(url === undefined ? 10 : 50);
  }
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const probe = request(url, { method: "HEAD", agent: false }, (response) => {
      response.resume();
      resolveAnswer(true);
    });
    probe.on("error", () => resolveAnswer(false));
    probe.end();
  });
}

async function stopProcess(prism: ChildProcess, exited: Promise<void>): Promise<void> {
  if (prism.pid === undefined) return;
  if (prism.exitCode === null && prism.signalCode === null) prism.kill("SIGKILL");
  await exited;
}
