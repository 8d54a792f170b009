import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { resolve } from "node:path";
import { MockStartError } from "./mock-start-error.js";
import { bundledSpecPath, prismCliPath } from "./paths.js";
import { prismHostSource } from "./prism-host.js";
import { PrismOutput } from "./prism-output.js";
import { thredfiAnswersFlag } from "./thredfi-answers.js";

/** Options of {@link startMock}. */
export interface StartMockOptions {
  /** OpenAPI document to serve (path, relative to the working directory). Default: the Thredfi spec bundled in this package. */
  spec?: string;
  /** Port on `host`. Default `0`: a free port chosen by the OS. */
  port?: number;
  /**
   * Interface to listen on. Default `127.0.0.1`; `0.0.0.0` serves other hosts too, e.g. as a
   * compose service that clients reach at `http://thredfi-mock:4010` (with `allowInsecureHttp`).
   * `url` stays on 127.0.0.1 for the caller.
   */
  host?: string;
  /** Generate responses from the schemas (Prism `-d`) instead of serving the examples. */
  dynamic?: boolean;
  /** Seed of dynamic generation (Prism `--seed`), so dynamic responses repeat from run to run. */
  seed?: string | number;
  /** How long Prism may take to answer before `startMock` gives up. Default 30000 ms. */
  startTimeoutMs?: number;
}

/** A running Prism mock. */
export interface MockServer {
  /** Base URL of the mock, e.g. `http://127.0.0.1:43567`: pass it as `baseUrl` to `@thredfi/auth`. */
  readonly url: string;
  /** Process id of the Prism process. */
  readonly pid: number;
  /** Stops Prism and resolves once its process has exited and its port is free. Safe to call twice. */
  close(): Promise<void>;
}

const killGraceMs = 3000;

/**
 * Starts Prism serving a spec on 127.0.0.1 and resolves once it answers HTTP.
 *
 * Prism dies with the calling process — on `close()`, on a normal exit, and when the caller is
 * killed (SIGINT, SIGTERM, SIGKILL) — and a running mock does not keep the caller's event loop
 * alive. Rejects with a {@link MockStartError} carrying Prism's own message when Prism cannot
 * start (missing or unparsable spec, port taken).
 *
 * @example
 * const mock = await startMock();
 * const thredfi = createThredfiClient({ partnerId, apiKey, baseUrl: mock.url });
 * // …
 * await mock.close();
 */
export async function startMock(options: StartMockOptions = {}): Promise<MockServer> {
  const spec = specPath(options);
  const args = prismArguments(spec, options);
  const output = new PrismOutput();
  const prism = spawn(process.execPath, ["-e", prismHostSource, prismCliPath(), ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: {
      ...process.env,
      NO_COLOR: "1",
      FORCE_COLOR: "0",
      // Thredfi's own answers (a token for any business, 429 and 5xx) are for Thredfi's spec.
      [thredfiAnswersFlag]: spec === bundledSpecPath() ? "1" : "0",
    },
    windowsHide: true,
  });
  prism.stdout?.on("data", (chunk: Buffer) => output.append(chunk));
  prism.stderr?.on("data", (chunk: Buffer) => output.append(chunk));
  // "close" comes after "exit" once Prism's output is fully read, so failures can quote it.
  const exited = new Promise<number | null>((resolveExit) => {
    prism.once("close", (code) => resolveExit(code));
  });

  try {
    const url = await waitUntilAnswering(prism, output, exited, options.startTimeoutMs ?? 30_000);
    stopHoldingEventLoop(prism);
    return mockServer(url, prism, exited);
  } catch (error) {
    await stopProcess(prism, exited);
    throw error;
  }
}

function specPath(options: StartMockOptions): string {
  return options.spec === undefined ? bundledSpecPath() : resolve(options.spec);
}

function prismArguments(spec: string, options: StartMockOptions): string[] {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`startMock: port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const host = options.host ?? "127.0.0.1";
  if (typeof host !== "string" || !/^[\w.:-]+$/.test(host)) {
    throw new RangeError(
      `startMock: host must be an interface name or address, got ${String(host)}`,
    );
  }
  const args = ["mock", spec, "-h", host, "-p", String(port), "--multiprocess=false"];
  if (options.dynamic === true) args.push("-d");
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  return args;
}

async function waitUntilAnswering(
  prism: ChildProcess,
  output: PrismOutput,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const failure = new Promise<never>((_, reject) => {
    prism.once("error", (cause) =>
      reject(
        new MockStartError(`Prism could not be spawned: ${cause.message}`, {
          output: output.text,
          cause,
        }),
      ),
    );
    exited.then((code) =>
      reject(
        new MockStartError(`Prism could not start: ${output.failureReason()}`, {
          exitCode: code ?? undefined,
          output: output.text,
        }),
      ),
    );
    timer = setTimeout(
      () =>
        reject(
          new MockStartError(
            `Prism did not answer within ${timeoutMs} ms: ${output.failureReason()}`,
            { output: output.text },
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([announcedAndAnswering(prism, output), failure]);
  } finally {
    clearTimeout(timer);
  }
}

async function announcedAndAnswering(prism: ChildProcess, output: PrismOutput): Promise<string> {
  let url = output.listeningUrl();
  while (url === undefined) {
    await new Promise((resolveData) => prism.stdout?.once("data", resolveData));
    url = output.listeningUrl();
  }
  // Listening on every interface: the caller reaches it on loopback.
  url = url.replace(/\/\/(0\.0\.0\.0|\[::\]):/, "//127.0.0.1:");
  while (!(await answers(url)) && prism.exitCode === null) {
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
  }
  return url;
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

function stopHoldingEventLoop(prism: ChildProcess): void {
  prism.unref();
  for (const stream of [prism.stdin, prism.stdout, prism.stderr]) {
    (stream as { unref?: () => void } | null)?.unref?.();
  }
}

function mockServer(url: string, prism: ChildProcess, exited: Promise<number | null>): MockServer {
  let closing: Promise<void> | undefined;
  return {
    url,
    pid: prism.pid as number,
    close() {
      closing ??= stopProcess(prism, exited);
      return closing;
    },
  };
}

async function stopProcess(prism: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (prism.exitCode !== null || prism.signalCode !== null || prism.pid === undefined) return;
  prism.ref();
  prism.kill("SIGTERM");
  const escalation = setTimeout(() => prism.kill("SIGKILL"), killGraceMs);
  await exited;
  clearTimeout(escalation);
}
