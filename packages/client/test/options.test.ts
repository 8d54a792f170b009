import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createBusinessClient,
  createThredfiClient,
  ThredfiAuthError,
  type ThredfiClientOptions,
} from "../src/index.js";
import { API_KEY, BUSINESS_ID, PARTNER_ID } from "./support/fixtures.js";

const valid: ThredfiClientOptions = { partnerId: PARTNER_ID, apiKey: API_KEY };

function configError(options: object): ThredfiAuthError {
  try {
    createThredfiClient({ ...valid, ...options } as ThredfiClientOptions);
  } catch (error) {
    return error as ThredfiAuthError;
  }
  throw new Error("expected invalid_config");
}

describe("options are validated up front", () => {
  it.each([
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ timeoutMs: 1.5 }, "timeoutMs"],
    [{ timeoutMs: 2 ** 31 }, "timeoutMs"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: 1.5 }, "maxRetries"],
    [{ maxRetries: Number.NaN }, "maxRetries"],
    [{ logLevel: "loud" }, "logLevel"],
    [{ throwOnError: "yes" }, "throwOnError"],
    [{ logger: { debug: "no" } }, "logger"],
    [{ fetch: "no" }, "fetch"],
    [{ retryBackoff: { initialDelayMs: -1 } }, "retryBackoff"],
    [{ partnerId: "nope" }, "partnerId"],
    [{ apiKey: "" }, "apiKey"],
  ])("%o throws invalid_config naming %s", (options, name) => {
    const error = configError(options);
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain(name);
  });

  it("accepts every option explicitly undefined, as process.env lookups give", () => {
    expect(() =>
      createThredfiClient({
        ...valid,
        baseUrl: undefined,
        environment: undefined,
        timeoutMs: undefined,
        maxRetries: undefined,
        logLevel: undefined,
        logger: undefined,
        throwOnError: undefined,
        retryBackoff: undefined,
        fetch: undefined,
        now: undefined,
        refreshMarginSeconds: undefined,
        maxBusinessTokens: undefined,
      }),
    ).not.toThrow();
  });

  it("validates the business client's options too", () => {
    expect(() =>
      createBusinessClient({
        businessId: BUSINESS_ID,
        getToken: () => ({ access_token: "t", expires_in: 1 }),
        maxRetries: -2,
      }),
    ).toThrow(/maxRetries/);
  });

  it("never shows the API key in util.inspect or JSON of the client", () => {
    const thredfi = createThredfiClient(valid);
    expect(inspect(thredfi, { depth: 10, showHidden: true })).not.toContain(API_KEY);
    expect(JSON.stringify(thredfi)).not.toContain(API_KEY);
  });

  it("never shows the API key in an invalid_config error", () => {
    const error = configError({ timeoutMs: -1 });
    expect(inspect(error)).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });
});
