import { describe, expect, inject, it } from "vitest";
import { MOCK_CREDENTIALS, realApiConfig } from "../src/demo-config.js";
import { maskToken, runQuickstart } from "../src/quickstart.js";

describe("the quickstart against the mock", () => {
  it("runs the six steps and returns the business token for the frontend", async () => {
    const lines: string[] = [];
    const frontendToken = await runQuickstart(
      { ...MOCK_CREDENTIALS, baseUrl: inject("thredfiMockUrl") },
      (line) => lines.push(line),
    );

    const output = lines.join("\n");
    for (const step of [1, 2, 3, 4, 5, 6]) expect(output).toContain(`\n${step}/6 `);
    expect(frontendToken.access_token.length).toBeGreaterThan(20);
    expect(frontendToken.expires_in).toBeGreaterThan(0);
    expect(output).toContain(`business ${frontendToken.business_id}`);
    expect(output).toContain(maskToken(frontendToken.access_token));
    expect(output).not.toContain(frontendToken.access_token);
    expect(output).not.toContain(MOCK_CREDENTIALS.apiKey);
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
