import { describe, expect, it } from "vitest";
import {
  createAuthClient,
  createBusinessAuthClient,
  ThredfiAuthError,
  type ThredfiClientOptions,
} from "../src/index.js";
import { API_KEY, BUSINESS_ID, PARTNER_ID } from "./support/fixtures.js";

const valid: ThredfiClientOptions = { partnerId: PARTNER_ID, apiKey: API_KEY };

function configError(run: () => unknown): ThredfiAuthError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect(error).toMatchObject({ code: "invalid_config", status: undefined });
    return error as ThredfiAuthError;
  }
  throw new Error("expected invalid_config");
}

describe("createAuthClient options", () => {
  it.each([
    ["partnerId", { partnerId: "partner-1" }],
    ["partnerId", { partnerId: `${PARTNER_ID}0` }],
    ["partnerId", { partnerId: undefined }],
    ["apiKey", { apiKey: "" }],
    ["apiKey", { apiKey: 42 }],
    ["apiKey", { apiKey: "k".repeat(1025) }],
    ["apiKey", { apiKey: "🔑".repeat(60_000) }],
    ["environment", { environment: "preview" }],
    ["baseUrl", { baseUrl: "http://api.thredfi.com" }],
    ["baseUrl", { baseUrl: "http://10.0.0.1:8080" }],
    ["baseUrl", { baseUrl: "ftp://api.thredfi.com" }],
    ["baseUrl", { baseUrl: "not a url" }],
    ["baseUrl", { baseUrl: "https://user:pass@api.thredfi.com" }],
    ["baseUrl", { baseUrl: "https://api.thredfi.com/?x=1" }],
    ["fetch", { fetch: "fetch" }],
    ["refreshMarginSeconds", { refreshMarginSeconds: -1 }],
    ["refreshMarginSeconds", { refreshMarginSeconds: Number.NaN }],
    ["timeoutMs", { timeoutMs: 0 }],
    ["timeoutMs", { timeoutMs: Number.POSITIVE_INFINITY }],
    ["timeoutMs", { timeoutMs: 1.5 }],
    ["timeoutMs", { timeoutMs: 2 ** 31 }],
    ["maxBusinessTokens", { maxBusinessTokens: 0 }],
    ["maxBusinessTokens", { maxBusinessTokens: 1.5 }],
    ["now", { now: 1 }],
    ["logger", { logger: "console" }],
    ["logger", { logger: { debug: "console.debug" } }],
    ["logger", { logger: { warn: 0 } }],
  ])("rejects a bad %s, naming it", (option, override) => {
    const error = configError(() => createAuthClient({ ...valid, ...override } as never));
    expect(error.message).toContain(option);
  });

  it("rejects missing options", () => {
    configError(() => createAuthClient(undefined as never));
  });

  it("rejects a logger whose methods throw when read, naming it", () => {
    const logger = Object.defineProperty({}, "info", {
      get() {
        throw new Error("hostile getter");
      },
    });
    expect(configError(() => createAuthClient({ ...valid, logger })).message).toContain("logger");
  });

  it("never echoes the API key or the baseUrl it rejects", () => {
    const error = configError(() =>
      createAuthClient({ ...valid, baseUrl: `http://example.com/${API_KEY}` }),
    );
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).not.toContain("example.com");
  });

  it.each([
    "https://api.thredfi.com",
    "https://sandbox.thredfi.com/",
    "http://localhost:4010",
    "http://127.0.0.1:4010",
    "http://127.8.9.10",
    "http://[::1]:4010",
  ])("accepts the baseUrl %s", (baseUrl) => {
    expect(() => createAuthClient({ ...valid, baseUrl })).not.toThrow();
  });

  it("accepts the docs' example id, which is not an RFC 4122 variant", () => {
    expect(() =>
      createAuthClient({ ...valid, partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab" }),
    ).not.toThrow();
  });

  it("refuses a businessId that is not a UUID in business(), tokens.business() and middleware.business(), saying so", async () => {
    const thredfi = createAuthClient(valid);
    const refused = {
      code: "invalid_business_id",
      message: expect.stringContaining("businessId must be a UUID"),
    };
    expect(() => thredfi.business("nope")).toThrow(expect.objectContaining(refused));
    expect(() => thredfi.middleware.business("nope")).toThrow(expect.objectContaining(refused));
    await expect(thredfi.tokens.business("nope")).rejects.toMatchObject(refused);
  });

  it("accepts every environment the docs name, and an empty baseUrl as unset", () => {
    for (const environment of ["production", "sandbox", "staging", "development"] as const) {
      expect(() => createAuthClient({ ...valid, environment })).not.toThrow();
    }
    expect(() => createAuthClient({ ...valid, baseUrl: "" })).not.toThrow();
  });

  it("allows plain http to any host only with allowInsecureHttp", () => {
    const baseUrl = "http://thredfi-mock:4010";
    configError(() => createAuthClient({ ...valid, baseUrl }));
    expect(() => createAuthClient({ ...valid, baseUrl, allowInsecureHttp: true })).not.toThrow();
    configError(() => createAuthClient({ ...valid, allowInsecureHttp: "yes" as never }));
  });
});

describe("createBusinessAuthClient options", () => {
  const getToken = async () => ({ access_token: "t", expires_in: 60 });

  it.each([
    ["getToken", { businessId: BUSINESS_ID, getToken: "token" }],
    ["baseUrl", { businessId: BUSINESS_ID, getToken, baseUrl: "http://example.com" }],
    ["baseUrl", { businessId: BUSINESS_ID, getToken, baseUrl: "http://192.168.1.10:4010" }],
    ["environment", { businessId: BUSINESS_ID, getToken, environment: "preview" }],
    ["fetch", { businessId: BUSINESS_ID, getToken, fetch: {} }],
    ["now", { businessId: BUSINESS_ID, getToken, now: "now" }],
    ["refreshMarginSeconds", { businessId: BUSINESS_ID, getToken, refreshMarginSeconds: -1 }],
    ["logger", { businessId: BUSINESS_ID, getToken, logger: { warn: "console.warn" } }],
    ["timeoutMs", { businessId: BUSINESS_ID, getToken, timeoutMs: 0 }],
    ["timeoutMs", { businessId: BUSINESS_ID, getToken, timeoutMs: 2 ** 31 }],
  ])("rejects a bad %s, naming it", (option, options) => {
    expect(configError(() => createBusinessAuthClient(options as never)).message).toContain(option);
  });

  it("rejects missing options", () => {
    configError(() => createBusinessAuthClient(undefined as never));
  });

  it("refuses a businessId that is not a UUID, saying so", () => {
    expect(() => createBusinessAuthClient({ businessId: "b-1", getToken })).toThrow(
      expect.objectContaining({ code: "invalid_business_id" }),
    );
  });

  it("defaults to production and accepts sandbox", () => {
    expect(() => createBusinessAuthClient({ businessId: BUSINESS_ID, getToken })).not.toThrow();
    expect(() =>
      createBusinessAuthClient({ businessId: BUSINESS_ID, getToken, environment: "sandbox" }),
    ).not.toThrow();
  });
});
