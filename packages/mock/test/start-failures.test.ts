import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MockStartError, startMock } from "../src/index.js";
import { pingSpec } from "./ping-spec.js";
import { childPids } from "./processes.js";

const workDir = mkdtempSync(join(tmpdir(), "thredfi-mock-"));

afterEach(() => {
  expect(childPids(process.pid)).toEqual([]);
});

describe("startMock failures", () => {
  it("rejects with Prism's message when the spec file does not exist", async () => {
    const spec = join(workDir, "missing.yaml");
    const failure = await startMock({ spec }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MockStartError);
    expect((failure as MockStartError).message).toContain("ENOENT");
    expect((failure as MockStartError).message).toContain(spec);
    expect((failure as MockStartError).exitCode).toBe(1);
  });

  it("rejects with Prism's message when the spec does not parse", async () => {
    const spec = join(workDir, "unparsable.yaml");
    writeFileSync(spec, "openapi: 3.0.3\ninfo: [unclosed\n  paths: {{{\n");
    await expect(startMock({ spec })).rejects.toThrow(/Error parsing .*unparsable\.yaml/);
  });

  it("rejects with Prism's message when the port is taken", async () => {
    const holder = await listeningServer();
    try {
      const address = holder.address();
      const port = typeof address === "object" && address ? address.port : 0;
      await expect(startMock({ spec: pingSpec, port })).rejects.toThrow(
        new RegExp(`EADDRINUSE.*127\\.0\\.0\\.1:${port}`),
      );
    } finally {
      holder.close();
    }
  });

  it("rejects an impossible port before starting anything", async () => {
    await expect(startMock({ port: 70_000 })).rejects.toThrow(RangeError);
    await expect(startMock({ port: 1.5 })).rejects.toThrow(/port must be an integer/);
  });

  it("rejects when Prism does not answer in time, and stops it", async () => {
    const failure = await startMock({ spec: pingSpec, startTimeoutMs: 1 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MockStartError);
    expect((failure as MockStartError).message).toMatch(/did not answer within 1 ms/);
  });
});

function listeningServer(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}
