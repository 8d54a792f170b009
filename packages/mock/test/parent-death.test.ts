import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pingSpec } from "./ping-spec.js";
import { answersHttp, isRunning, waitUntilGone } from "./processes.js";

// The parent runs the package's sources through tsx; the CommonJS build's parent, which returns
// without closing its mock, is in ecosystem-tests, against the installed package.
const waitingParent = fixture("start-mock-and-wait.ts");

describe("a mock dies with the process that started it", () => {
  it.each(["SIGKILL", "SIGTERM", "SIGINT"] as const)(
    "when that process gets %s",
    async (signal) => {
      const parent = spawn(process.execPath, ["--import", "tsx", waitingParent, pingSpec], {
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
