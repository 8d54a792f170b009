import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { BUSINESS_ID, clientFor, rejectionOf } from "./support/fixtures.js";

const server = useTestServer();
const elsewhere = useTestServer();

const BUSINESS_TOKEN_PATH = `/v1/platform/${BUSINESS_ID}/oauth2/token/`;
const redirectTo = (path: string, status = 307) => ({
  status,
  headers: { Location: `${elsewhere.url}${path}` },
});

/** What a browser's fetch gives for `redirect: "manual"`: an opaque response with status 0. */
function opaqueRedirect(): Response {
  return Object.defineProperties(new Response(null), {
    type: { value: "opaqueredirect" },
    status: { value: 0 },
    ok: { value: false },
  });
}

describe("token requests never follow a redirect", () => {
  it.each([301, 302, 303, 307, 308])(
    "refuses a partner token behind a %i as unexpected_redirect, asking nothing of the target",
    async (status) => {
      server.queue("POST", PARTNER_TOKEN_PATH, redirectTo(PARTNER_TOKEN_PATH, status));
      const error = await rejectionOf(clientFor(server).tokens.partner());
      expect(error).toMatchObject({ code: "unexpected_redirect", status });
      expect(elsewhere.requests).toHaveLength(0);
    },
  );

  it("caches nothing from a redirected token request", async () => {
    const thredfi = clientFor(server);
    server.queue("POST", PARTNER_TOKEN_PATH, redirectTo(PARTNER_TOKEN_PATH));
    await rejectionOf(thredfi.partner.GET("/v1/platform/businesses/"));
    const { response } = await thredfi.partner.GET("/v1/platform/businesses/");
    expect(response.status).toBe(200);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    const apiCall = server.requests.find((r) => r.method === "GET");
    expect(apiCall?.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(elsewhere.issuedTokens).toHaveLength(0);
  });

  it("refuses a business token behind a redirect and sends the business path nothing", async () => {
    const thredfi = clientFor(server);
    server.queue("POST", BUSINESS_TOKEN_PATH, redirectTo(BUSINESS_TOKEN_PATH));
    const error = await rejectionOf(
      thredfi.business(BUSINESS_ID).GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      }),
    );
    expect(error).toMatchObject({ code: "unexpected_redirect", status: 307 });
    expect(elsewhere.requests).toHaveLength(0);
    expect(server.count("GET", `/v1/platform/businesses/${BUSINESS_ID}/`)).toBe(0);
  });

  it("asks fetch not to follow redirects and refuses the opaque response a browser gives", async () => {
    const modes: string[] = [];
    const browserLike = async (request: Request) => {
      modes.push(request.redirect);
      const response = await fetch(request);
      return response.status >= 300 && response.status < 400 ? opaqueRedirect() : response;
    };
    server.queue("POST", PARTNER_TOKEN_PATH, redirectTo(PARTNER_TOKEN_PATH));
    const error = await rejectionOf(clientFor(server, { fetch: browserLike }).tokens.partner());
    expect(error).toMatchObject({ code: "unexpected_redirect", status: undefined });
    expect(modes).toEqual(["manual"]);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("refuses a token that a custom fetch fetched by following a redirect anyway", async () => {
    const following = async (request: Request) =>
      fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: await request.text(),
        redirect: "follow",
      });
    server.queue("POST", PARTNER_TOKEN_PATH, redirectTo(PARTNER_TOKEN_PATH));
    const error = await rejectionOf(clientFor(server, { fetch: following }).tokens.partner());
    expect(error).toMatchObject({ code: "unexpected_redirect" });
  });
});
