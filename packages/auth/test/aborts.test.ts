import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import type { paths } from "@thredfi/types";
import createClient from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import { clientFor, eventually, gate, rejectionOf, settled, sleep } from "./support/fixtures.js";

const server = useTestServer();
const LIST = "/v1/platform/businesses/";
const UNAUTHORIZED = { status: 401, json: { error: "expired", error_code: "invalid_token" } };

// Token replies held by a gate never outlive their test.
let held = gate();
afterEach(() => {
  held.open();
  held = gate();
});

/** The outcome of `promise`, or "still waiting" if it has not settled within 3 s. */
function outcomeSoon(promise: Promise<unknown>): Promise<unknown> {
  return Promise.race([rejectionOf(promise), sleep(3000, "still waiting")]);
}

/** Resolves once the server has received `count` token requests: the waiting has begun. */
function tokenRequests(count: number): Promise<unknown> {
  return eventually(() => expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(count));
}

type Call = (thredfi: ReturnType<typeof clientFor>, signal: AbortSignal) => Promise<unknown>;
const throughClient: Call = (thredfi, signal) => thredfi.partner.GET(LIST, { signal });
const throughMiddleware: Call = (thredfi, signal) => {
  const own = createClient<paths>({ baseUrl: server.url });
  own.use(thredfi.middleware.partner);
  return own.GET(LIST, { signal });
};

describe.each([
  ["the partner client", throughClient],
  ["a client with the middleware", throughMiddleware],
])("a caller's AbortSignal through %s", (_, call) => {
  it("rejects with the signal's reason as soon as it aborts while the token is fetched", async () => {
    server.hold("POST", PARTNER_TOKEN_PATH, held.promise);
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const outcome = outcomeSoon(call(clientFor(server), controller.signal));
    await tokenRequests(1);
    controller.abort(reason);
    expect(await outcome).toBe(reason);
    expect(server.count("GET", LIST)).toBe(0);
  });

  it("sends nothing at all when the signal is already aborted", async () => {
    const reason = new Error("aborted before the call");
    const error = await outcomeSoon(call(clientFor(server), AbortSignal.abort(reason)));
    expect(error).toBe(reason);
    await settled();
    expect(server.requests).toHaveLength(0);
  });

  it("does not fail the other callers sharing the token request", async () => {
    server.hold("POST", PARTNER_TOKEN_PATH, held.promise);
    const thredfi = clientFor(server);
    const quitter = new AbortController();
    const abandoned = outcomeSoon(call(thredfi, quitter.signal));
    const patient = [1, 2, 3].map(() => call(thredfi, new AbortController().signal));
    await tokenRequests(1);
    quitter.abort();
    expect((await abandoned) as Error).toMatchObject({ name: "AbortError" });
    held.open();
    const results = (await Promise.all(patient)) as { response: Response }[];
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
  });

  it("rejects with the signal's reason while the replay after a 401 waits for its token", async () => {
    const thredfi = clientFor(server);
    await thredfi.tokens.partner();
    server.queue("GET", LIST, UNAUTHORIZED);
    server.hold("POST", PARTNER_TOKEN_PATH, held.promise);
    const controller = new AbortController();
    const reason = new Error("caller gave up during the replay");
    const outcome = outcomeSoon(call(thredfi, controller.signal));
    await tokenRequests(2);
    controller.abort(reason);
    expect(await outcome).toBe(reason);
    expect(server.count("GET", LIST)).toBe(1);
  });
});
