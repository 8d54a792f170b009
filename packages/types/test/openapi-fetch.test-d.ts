import createClient from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { OAuth2TokenResponse, paths } from "../src/index.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:4010" });

describe("with openapi-fetch", () => {
  it("types the partner token response data", async () => {
    const { data } = await client.POST("/v1/platform/oauth2/token/", {
      body: { client_id: "a1b2c3d4-5678-90ab-cdef-1234567890ab" },
    });
    expectTypeOf(data).toEqualTypeOf<OAuth2TokenResponse | undefined>();
  });

  it("rejects a path that is not in the spec", () => {
    // @ts-expect-error the spec has no such path
    void client.GET("/v1/platform/not-a-path/");
  });

  it("rejects a request body without the required client_id", () => {
    // @ts-expect-error client_id is required
    void client.POST("/v1/platform/oauth2/token/", { body: { grant_type: "client_credentials" } });
  });

  it("requires the business_id path parameter for a business token", () => {
    // @ts-expect-error params.path.business_id is missing
    void client.POST("/v1/platform/{business_id}/oauth2/token/", {});
    void client.POST("/v1/platform/{business_id}/oauth2/token/", {
      params: { path: { business_id: "3f2b8c1e-9d4a-4e6b-8a7c-2d1e0f9b8a76" } },
    });
  });
});
