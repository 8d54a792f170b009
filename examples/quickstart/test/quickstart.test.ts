import { ThredfiNotFoundError } from "@thredfi/client";
import { describe, expect, inject, it } from "vitest";
import { MOCK_CREDENTIALS, realApiConfig } from "../src/demo-config.js";
import { failureMessage } from "../src/failure-message.js";
import { maskToken, QUICKSTART_STEPS, runQuickstart } from "../src/quickstart.js";
import { loopbackServer, recordingProxy, sendJson } from "./support/loopback-server.js";

async function runAgainstMock() {
  const proxy = await recordingProxy(inject("thredfiMockUrl"));
  const lines: string[] = [];
  const result = await runQuickstart({ ...MOCK_CREDENTIALS, baseUrl: proxy.url }, (line) =>
    lines.push(line),
  );
  return {
    result,
    output: lines.join("\n"),
    requests: proxy.requests,
    answers: proxy.answers,
  };
}

describe("the quickstart against the mock", () => {
  it("runs every step and returns the business token for the frontend", async () => {
    const { result, output } = await runAgainstMock();
    expect(QUICKSTART_STEPS).toBe(16);
    for (let step = 1; step <= QUICKSTART_STEPS; step++) {
      expect(output).toContain(`\n${step}/${QUICKSTART_STEPS} `);
    }
    const { frontendToken } = result;
    expect(frontendToken.access_token.length).toBeGreaterThan(20);
    expect(frontendToken.expires_in).toBeGreaterThan(0);
    expect(output).toContain(`business ${frontendToken.business_id}`);
    expect(output).toContain(maskToken(frontendToken.access_token));
  });

  it("sends only requests the spec allows: the mock reports no sl-violations", async () => {
    const { answers, requests } = await runAgainstMock();
    expect(answers.length).toBeGreaterThan(0);
    expect(answers).toHaveLength(requests.length);
    expect(answers.filter((answer) => answer.violations !== null)).toEqual([]);
  });

  it("would see the sl-violations of a request that breaks the spec", async () => {
    const proxy = await recordingProxy(inject("thredfiMockUrl"));
    await fetch(`${proxy.url}/v1/platform/businesses/`, {
      method: "POST",
      headers: {
        authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.t.s",
        "content-type": "application/json",
      },
      body: JSON.stringify({ external_id: "acme-001" }),
    });
    expect(proxy.answers[0]?.violations).toContain("legal_name");
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

  it("books the sale, then the payables, in Thredfi's order", async () => {
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
      "/v1/platform/businesses/{id}/vendors/",
      "/v1/platform/businesses/{id}/bills/",
      "/v1/platform/businesses/{id}/bills/payments/",
    ]);
    expect(result.sale).toEqual({
      customerId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      invoiceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      paymentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      refundId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(result.payables).toEqual({
      vendorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      billId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      billPaymentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("bills the vendor it created and pays that bill in full", async () => {
    const { result, output, requests, answers } = await runAgainstMock();
    const bodyOf = (path: string) => {
      const request = requests.find(
        (candidate) => candidate.method === "POST" && candidate.url.endsWith(path),
      );
      return JSON.parse(request?.body ?? "null");
    };
    const { vendorId, billId, billPaymentId } = result.payables;
    expect(bodyOf("/vendors/")).toMatchObject({ external_id: "erp-vendor-7" });
    expect(bodyOf("/bills/")).toMatchObject({
      vendor_id: vendorId,
      line_items: [{ quantity: 10, unit_price: 30 }],
    });
    expect(bodyOf("/bills/payments/")).toMatchObject({
      vendor_id: vendorId,
      amount_cents: 30_000,
      allocations: [{ bill_id: billId, amount_cents: 30_000 }],
    });
    expect(output).toContain("\n10/16 Create a vendor (external_id erp-vendor-7)\n");
    expect(output).toContain(`Northwind Coffee Roasters Ltd ACTIVE (id ${vendorId})`);
    expect(output).toContain("\n11/16 Record the vendor's bill (10 × 30.00)\n");
    expect(output).toContain(`from Northwind Coffee Roasters Ltd, due 2026-04-01 (id ${billId})`);
    expect(output).toContain("\n12/16 Pay the bill (£300.00)\n");
    expect(output).toContain(`£300.00 to Northwind Coffee Roasters Ltd, pending`);
    expect(output).toContain(`(id ${billPaymentId})`);
    // Each a 2xx answer (the mock answers the payment 200, its first documented status).
    const payables = answers.filter((answer) => /\/(vendors|bills)\//.test(answer.url));
    expect(
      payables.map((answer) => [answer.method, answer.status >= 200 && answer.status < 300]),
    ).toEqual([
      ["POST", true],
      ["POST", true],
      ["POST", true],
    ]);
    expect(payables.map((answer) => answer.violations)).toEqual([null, null, null]);
  });

  it("reads the books for March: the profit and loss, then the AP aging by vendor", async () => {
    const { result, output, answers } = await runAgainstMock();
    const reads = answers
      .filter((answer) => /\/(reports|insights)\//.test(answer.url))
      .map((answer) => [
        answer.method,
        answer.url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}"),
        answer.status,
        answer.violations,
      ]);
    expect(reads).toEqual([
      [
        "GET",
        "/v1/platform/businesses/{id}/reports/profit-and-loss/?start_date=2026-03-01&end_date=2026-03-31&detail_level=summary",
        200,
        null,
      ],
      [
        "GET",
        "/v1/platform/businesses/{id}/insights/ap-aging/?as_of_date=2026-03-31&group_by=vendor",
        200,
        null,
      ],
    ]);
    expect(output).toContain("\n13/16 Read the profit and loss, 2026-03-01 to 2026-03-31\n");
    expect(output).toContain("net revenue £120.00, gross profit £80.00, net profit £65.00");
    expect(output).toContain("\n14/16 Read the accounts payable aging as of 2026-03-31\n");
    expect(output).toContain("£550.00 outstanding to 1 vendor\n");
    expect(result.books).toEqual({
      netRevenueCents: 12_000,
      netProfitCents: 6_500,
      payablesOutstandingCents: 55_000,
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
    // The first page is asked for as the query was given (no `page`); the next would be page=2.
    expect(
      listings.map((request) => new URL(request.url, "http://x").searchParams.get("page")),
    ).toEqual([null]);
    expect(listings[0]?.url).toContain("page_size=5");
    expect(result.invoiceCount).toBe(2);
    expect(output).toContain("page 1: INV-0042 SENT, INV-0043 SENT");
  });
});

describe("a failing quickstart", () => {
  it("rejects with the ThredfiApiError of Thredfi's answer, printed as one line", async () => {
    const server = await loopbackServer((request, _body, response) =>
      request.url?.endsWith("/oauth2/token/")
        ? sendJson(response, { access_token: "eyJhbGciOiJIUzI1NiJ9.t.s", expires_in: 3600 })
        : sendJson(
            response,
            { error: "Business not found", error_code: "business_not_found" },
            404,
          ),
    );
    const failure = await runQuickstart(
      { ...MOCK_CREDENTIALS, baseUrl: server.url },
      () => {},
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ThredfiNotFoundError);
    expect(failureMessage(failure)).toBe(
      "ThredfiNotFoundError: 404 business_not_found: Business not found",
    );
  });

  it("prints any other error by its message", () => {
    expect(failureMessage(new Error("THREDFI_ENVIRONMENT must be set"))).toBe(
      "THREDFI_ENVIRONMENT must be set",
    );
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

  it("takes each of the four environments, and an empty THREDFI_BASE_URL as unset", () => {
    for (const environment of ["production", "sandbox", "staging", "development"]) {
      expect(
        realApiConfig({
          THREDFI_PARTNER_ID: "p",
          THREDFI_API_KEY: "k",
          THREDFI_ENVIRONMENT: environment,
          THREDFI_BASE_URL: "",
        }),
      ).toEqual({ partnerId: "p", apiKey: "k", environment });
    }
  });

  it("refuses an unknown environment, without echoing the key", () => {
    const run = () =>
      realApiConfig({
        THREDFI_PARTNER_ID: "p",
        THREDFI_API_KEY: "secret-key",
        THREDFI_ENVIRONMENT: "qa",
      });
    expect(run).toThrow(
      /THREDFI_ENVIRONMENT must be one of production, sandbox, staging, development, got "qa"/,
    );
    expect(run).not.toThrow(/secret-key/);
  });
});
