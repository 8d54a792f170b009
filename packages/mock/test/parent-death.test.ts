import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pingSpec } from "./ping-spec.js";
import { answersHttp, isRunning, waitUntilGone } from "./processes.js";

const waitingParent = fixture("start-mock-and-wait.mjs");
const returningParent = fixture("start-mock-and-return.cjs");

describe("a mock dies with the process that started it", () => {
  it.each(["SIGKILL", "SIGTERM", "SIGINT"] as const)(
    "when that process gets %s",
    async (signal) => {
      const parent = spawn(process.execPath, [waitingParent, pingSpec], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      const mock = await reportedMock(parent);
      try {
        expect(isRunning(mock.pid)).toBe(true);

        parent.kill(signal);

        expect(await waitUntilGone(mock.pid)).toBe(true);
        expect(await answersHttp(mock.url)).toBe(false);
      } finally {
        killIfRunning(mock.pid);
      }
    },
  );

  it("when that process ends without closing it (CommonJS build)", async () => {
    const parent = spawn(process.execPath, [returningParent, pingSpec], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const mock = await reportedMock(parent);
    try {
      const [exitCode] = await once(parent, "exit");
      expect(exitCode).toBe(0);
      expect(await waitUntilGone(mock.pid)).toBe(true);
    } finally {
      killIfRunning(mock.pid);
    }
  });
});

// A failing run must not leave its Prism behind either.
function killIfRunning(pid: number): void {
  if (isRunning(pid)) process.kill(pid, "SIGKILL");
}

function fixture(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
}

async function reportedMock(parent: ChildProcess): Promise<{ pid: number; url: string }> {
  let text = "";
  for await (const chunk of parent.stdout ?? []) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return JSON.parse(text) as { pid: number; url: string };
}
