import type {
  BusinessClientOptions as AuthBusinessClientOptions,
  ThredfiClientOptions as AuthClientOptions,
} from "@thredfi/auth";
import { useTestServer } from "@thredfi/test-support";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type BusinessClientOptions,
  createBusinessClient,
  createThredfiClient,
  type ThredfiClientOptions,
} from "../src/index.js";
import { API_KEY, BUSINESS_ID, BUSINESSES_PATH, PARTNER_ID } from "./support/fixtures.js";

const server = useTestServer();

// Each list names every option of `@thredfi/auth`'s factory: the type below fails to compile
// when auth gains an option that the list (and so the test) leaves out.
const AUTH_CLIENT_OPTIONS = [
  "partnerId",
  "apiKey",
  "environment",
  "baseUrl",
  "allowInsecureHttp",
  "fetch",
  "refreshMarginSeconds",
  "now",
  "timeoutMs",
  "logger",
  "maxBusinessTokens",
  "tokenStore",
] as const satisfies readonly (keyof AuthClientOptions)[];
const AUTH_BUSINESS_OPTIONS = [
  "businessId",
  "getToken",
  "environment",
  "baseUrl",
  "allowInsecureHttp",
  "fetch",
  "refreshMarginSeconds",
  "now",
  "timeoutMs",
  "logger",
] as const satisfies readonly (keyof AuthBusinessClientOptions)[];

/** `options` behind a proxy that records every option read. */
function watched<T extends object>(options: T): { options: T; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(options, {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  return { options: proxy, read };
}

describe("the client factories forward every option of @thredfi/auth's", () => {
  it("lists every option of auth's factories", () => {
    expectTypeOf<
      Exclude<keyof AuthClientOptions, (typeof AUTH_CLIENT_OPTIONS)[number]>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      Exclude<keyof AuthBusinessClientOptions, (typeof AUTH_BUSINESS_OPTIONS)[number]>
    >().toEqualTypeOf<never>();
    expectTypeOf<ThredfiClientOptions>().toMatchTypeOf<AuthClientOptions>();
    expectTypeOf<BusinessClientOptions>().toMatchTypeOf<AuthBusinessClientOptions>();
  });

  it("createThredfiClient reads every one of them", async () => {
    const { options, read } = watched<ThredfiClientOptions>({
      partnerId: PARTNER_ID,
      apiKey: API_KEY,
      environment: undefined,
      baseUrl: server.url,
      allowInsecureHttp: undefined,
      fetch: (input, init) => fetch(input, init),
      refreshMarginSeconds: 30,
      now: Date.now,
      timeoutMs: 5_000,
      logger: {},
      maxBusinessTokens: 10,
      tokenStore: { token: (request) => request.mint(), invalidate: async () => {} },
    });
    const thredfi = createThredfiClient(options);
    await thredfi.business(BUSINESS_ID).GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
    });
    await thredfi.partner.GET(BUSINESSES_PATH);
    expect([...AUTH_CLIENT_OPTIONS].filter((name) => !read.has(name))).toEqual([]);
  });

  it("createBusinessClient reads every one of them", async () => {
    const { options, read } = watched<BusinessClientOptions>({
      businessId: BUSINESS_ID,
      getToken: () => ({ access_token: "frontend-token", expires_in: 3600 }),
      environment: undefined,
      baseUrl: server.url,
      allowInsecureHttp: undefined,
      fetch: (input, init) => fetch(input, init),
      refreshMarginSeconds: 30,
      now: Date.now,
      timeoutMs: 5_000,
      logger: {},
    });
    await createBusinessClient(options).GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
    });
    expect([...AUTH_BUSINESS_OPTIONS].filter((name) => !read.has(name))).toEqual([]);
  });
});
