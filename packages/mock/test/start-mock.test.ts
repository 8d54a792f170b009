import { freePort } from "@thredfi/test-support/free-port";
import { describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { ping, pingSpec } from "./ping-spec.js";
import { answersHttp, childPids, isRunning } from "./processes.js";

// What startMock serves with its defaults (the bundled Thredfi spec) is in thredfi-answers.test.ts;
// these tests are about Prism's process and port, so they serve a one-operation spec.
describe("startMock", () => {
  it("starts and closes five times in a row without leaving a process or a port behind", async () => {
    const pids = new Set<number>();
    const givenPort = await freePort();
    for (let round = 0; round < 5; round++) {
      // The first round asks for a given port, the others for any free port.
      const mock = await startMock(
        round === 0 ? { spec: pingSpec, port: givenPort } : { spec: pingSpec },
      );
      if (round === 0) expect(mock.url).toBe(`http://127.0.0.1:${givenPort}`);
      pids.add(mock.pid);
      expect((await ping(mock.url)).status).toBe(200);
      await Promise.all([mock.close(), mock.close()]);
      expect(isRunning(mock.pid)).toBe(false);
      expect(await answersHttp(mock.url)).toBe(false);
    }
    expect(pids.size).toBe(5);
    expect(childPids(process.pid)).toEqual([]);
  });

  it("listens on every interface with host 0.0.0.0, its url still on loopback", async () => {
    const mock = await startMock({ spec: pingSpec, host: "0.0.0.0" });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await ping(mock.url)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it("refuses a host that is not an interface name or address", async () => {
    await expect(startMock({ spec: pingSpec, host: "a b; rm" })).rejects.toThrow(/host must be/);
  });

  it("runs two mocks at once on different ports", async () => {
    const [first, second] = await Promise.all([
      startMock({ spec: pingSpec }),
      startMock({ spec: pingSpec }),
    ]);
    try {
      expect(first.url).not.toBe(second.url);
      const answers = await Promise.all([first, second].map((mock) => ping(mock.url)));
      expect(answers.map((response) => response.status)).toEqual([200, 200]);
      // A spec of one's own is served as Prism serves it, without the Thredfi answers.
      const throttled = await fetch(`${first.url}/ping`, { headers: { prefer: "code=429" } });
      expect(throttled.status).not.toBe(429);
      expect(throttled.headers.get("retry-after")).toBeNull();
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect([isRunning(first.pid), isRunning(second.pid)]).toEqual([false, false]);
  });
});
