import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUSINESSES_PATH, clientFor } from "./support/fixtures.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("smoke", () => {
  it("a partner call answers 200 through every layer", async () => {
    const thredfi = clientFor(server);
    const { data, response } = await thredfi.partner.GET(BUSINESSES_PATH);
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
  });
});
