import { describe, expect, inject, it } from "vitest";
import { MOCK_CREDENTIALS, realApiConfig } from "../src/demo-config.js";
import { maskToken, QUICKSTART_STEPS, runQuickstart } from "../src/quickstart.js";
import { recordingProxy } from "./support/loopback-server.js";

async function runAgainstMock() {
  const proxy = await recordingProxy(inject("thredfiMockUrl"));
  const lines: string[] = [];
  const result = await runQuickstart({ ...MOCK_CREDENTIALS, baseUrl: proxy.url }, (line) =>
    lines.push(line),
  );
  return { result, output: lines.join("\n"), requests: proxy.requests };
}

describe("the quickstart against the mock", () => {
  it("runs every step and returns the business token for the frontend", async () => {
    const { result, output } = await runAgainstMock();
    expect(QUICKSTART_STEPS).toBe(11);
    for (let step = 1; step <= QUICKSTART_STEPS; step++) {
      expect(output).toContain(`\n${step}/${QUICKSTART_STEPS} `);
    }
    const { frontendToken } = result;
    expect(frontendToken.access_token.length).toBeGreaterThan(20);
    expect(frontendToken.expires_in).toBeGreaterThan(0);
    expect(output).toContain(`business ${frontendToken.business_id}`);
    expect(output).toContain(maskToken(frontendToken.access_token));
  });

  it("prints no token and no API key in full", async () => {
    const { result, output, requests } = await runAgainstMock();
    const partnerToken = requests
      .find((request) => request.url.startsWith("/v1/platform/businesses/"))
      ?.headers.authorization?.replace("Bearer ", "");
    expect(partnerToken?.length).toBeGreaterThan(20);
    expect(output).not.toContain(partnerToken);
    expect(output).not.toContain(result.frontendToken.access_token);
    expect(output).not.toContain(MOCK_CREDENTIALS.apiKey);
  });

  it("books the sale in Thredfi's order: customer, invoice, payment, refund", async () => {
    const { result, requests } = await runAgainstMock();
    const posts = requests
      .filter((request) => request.method === "POST" && !request.url.includes("/oauth2/"))
      .map((request) => request.url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}"));
    expect(posts).toEqual([
      "/v1/platform/businesses/",
      "/v1/platform/businesses/{id}/customers/",
      "/v1/platform/businesses/{id}/invoices/",
      "/v1/platform/businesses/{id}/invoices/payments/",
      "/v1/platform/businesses/{id}/invoices/refunds/",
    ]);
    expect(result.sale).toEqual({
      customerId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      invoiceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      paymentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      refundId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("sends the payment with an Idempotency-Key, a fresh one each run", async () => {
    const keyOf = (run: Awaited<ReturnType<typeof runAgainstMock>>) =>
      run.requests.find((request) => request.url.endsWith("/invoices/payments/"))?.headers[
        "idempotency-key"
      ];
    const first = await runAgainstMock();
    const second = await runAgainstMock();
    expect(keyOf(first)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keyOf(first)).not.toBe(keyOf(second));
    expect(first.output).toContain(`Idempotency-Key ${keyOf(first)}`);
  });

  it("lists the invoices page by page until the mock's single page ends the list", async () => {
    const { result, output, requests } = await runAgainstMock();
    const listings = requests.filter(
      (request) => request.method === "GET" && request.url.includes("/invoices/?"),
    );
    expect(
      listings.map((request) => new URL(request.url, "http://x").searchParams.get("page")),
    ).toEqual(["1"]);
    expect(result.invoiceCount).toBe(2);
    expect(output).toContain("page 1: INV-0042 SENT, INV-0043 SENT");
  });
});

describe("maskToken", () => {
  it("keeps six characters and the length", () => {
    expect(maskToken("eyJhbGciOiJIUzI1NiJ9.payload.signature")).toBe("eyJhbG…(38 chars)");
  });
});

describe("realApiConfig", () => {
  it("runs against the mock when no credential is set", () => {
    expect(realApiConfig({})).toBeUndefined();
  });

  it("runs against the sandbox unless told otherwise", () => {
    const config = realApiConfig({ THREDFI_PARTNER_ID: "p", THREDFI_API_KEY: "k" });
    expect(config).toEqual({ partnerId: "p", apiKey: "k", environment: "sandbox" });
  });

  it("takes the environment and base URL from the environment variables", () => {
    const config = realApiConfig({
      THREDFI_PARTNER_ID: "p",
      THREDFI_API_KEY: "k",
      THREDFI_ENVIRONMENT: "production",
      THREDFI_BASE_URL: "https://api.example",
    });
    expect(config).toMatchObject({ environment: "production", baseUrl: "https://api.example" });
  });

  it("refuses one credential without the other, naming both variables", () => {
    expect(() => realApiConfig({ THREDFI_API_KEY: "k" })).toThrow(
      /THREDFI_PARTNER_ID and THREDFI_API_KEY/,
    );
  });

  it("refuses an unknown environment, without echoing the key", () => {
    const run = () =>
      realApiConfig({
        THREDFI_PARTNER_ID: "p",
        THREDFI_API_KEY: "secret-key",
        THREDFI_ENVIRONMENT: "staging",
      });
    expect(run).toThrow(/THREDFI_ENVIRONMENT must be "sandbox" or "production", got "staging"/);
    expect(run).not.toThrow(/secret-key/);
  });
});
