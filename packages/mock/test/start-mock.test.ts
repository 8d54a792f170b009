import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../src/index.js";
import { answersHttp, childPids, freePort, isRunning } from "./processes.js";

const partnerId = "a1b2c3d4-5678-90ab-cdef-1234567890ab";

function requestPartnerToken(url: string): Promise<Response> {
  return fetch(`${url}/v1/platform/oauth2/token/`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${partnerId}:test-key`)}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: partnerId }),
  });
}

describe("startMock", () => {
  describe("with the defaults", () => {
    let mock: MockServer;
    beforeAll(async () => {
      mock = await startMock();
    });
    afterAll(() => mock.close());

    it("serves the bundled Thredfi spec on a free loopback port", async () => {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await requestPartnerToken(mock.url);
      expect(response.status).toBe(200);
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(await response.json()).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    });

    it("answers the status asked for with Prefer: code=<status>", async () => {
      const response = await fetch(`${mock.url}/v1/platform/businesses/`, {
        headers: { authorization: "Bearer partner-token", prefer: "code=401" },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toHaveProperty("error");
    });
  });

  it("starts and closes five times in a row without leaving a process or a port behind", async () => {
    const pids = new Set<number>();
    const givenPort = await freePort();
    for (let round = 0; round < 5; round++) {
      // The first round asks for a given port, the others for any free port.
      const mock = await startMock(round === 0 ? { port: givenPort } : {});
      if (round === 0) expect(mock.url).toBe(`http://127.0.0.1:${givenPort}`);
      pids.add(mock.pid);
      expect((await requestPartnerToken(mock.url)).status).toBe(200);
      await Promise.all([mock.close(), mock.close()]);
      expect(isRunning(mock.pid)).toBe(false);
      expect(await answersHttp(mock.url)).toBe(false);
    }
    expect(pids.size).toBe(5);
    expect(childPids(process.pid)).toEqual([]);
  });

  it("runs two mocks at once on different ports", async () => {
    const [first, second] = await Promise.all([startMock(), startMock()]);
    try {
      expect(first.url).not.toBe(second.url);
      const statuses = await Promise.all([first, second].map((m) => requestPartnerToken(m.url)));
      expect(statuses.map((response) => response.status)).toEqual([200, 200]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect([isRunning(first.pid), isRunning(second.pid)]).toEqual([false, false]);
  });
});
