import { describe, expectTypeOf, it } from "vitest";
import type {
  BusinessTokenResponse,
  components,
  OAuth2ErrorResponse,
  OAuth2TokenRequestRequest,
  OAuth2TokenResponse,
  operations,
  paths,
} from "../src/index.js";

type PartnerTokenOperation = paths["/v1/platform/oauth2/token/"]["post"];
type PartnerTokenBody = PartnerTokenOperation["responses"][200]["content"]["application/json"];
type BusinessTokenBody =
  paths["/v1/platform/{business_id}/oauth2/token/"]["post"]["responses"][200]["content"]["application/json"];

describe("partner token (POST /v1/platform/oauth2/token/)", () => {
  it("answers 200 with a required access_token string and expires_in number", () => {
    expectTypeOf<PartnerTokenBody["access_token"]>().toEqualTypeOf<string>();
    expectTypeOf<PartnerTokenBody["expires_in"]>().toEqualTypeOf<number>();
    expectTypeOf<PartnerTokenBody>().toEqualTypeOf<OAuth2TokenResponse>();
  });

  it("leaves token_type optional even though the spec gives it a default", () => {
    expectTypeOf<PartnerTokenBody>().toHaveProperty("token_type");
    expectTypeOf<Pick<PartnerTokenBody, "token_type">>().toEqualTypeOf<{ token_type?: string }>();
    expectTypeOf<Pick<PartnerTokenBody, "access_token" | "expires_in">>().toEqualTypeOf<{
      access_token: string;
      expires_in: number;
    }>();
  });

  it("requires client_id and leaves grant_type optional in the request", () => {
    expectTypeOf<OAuth2TokenRequestRequest>().toEqualTypeOf<{
      grant_type?: string;
      client_id: string;
    }>();
    type FormBody = NonNullable<
      PartnerTokenOperation["requestBody"]
    >["content"]["application/x-www-form-urlencoded"];
    expectTypeOf<FormBody>().toEqualTypeOf<OAuth2TokenRequestRequest>();
  });

  it("answers 400, 401 and 500 with OAuth2ErrorResponse", () => {
    type Responses = PartnerTokenOperation["responses"];
    expectTypeOf<
      Responses[400]["content"]["application/json"]
    >().toEqualTypeOf<OAuth2ErrorResponse>();
    expectTypeOf<
      Responses[401]["content"]["application/json"]
    >().toEqualTypeOf<OAuth2ErrorResponse>();
    expectTypeOf<
      Responses[500]["content"]["application/json"]
    >().toEqualTypeOf<OAuth2ErrorResponse>();
    expectTypeOf<OAuth2ErrorResponse>().toEqualTypeOf<{
      error: string;
      error_description: string;
    }>();
  });

  it("is reachable by operationId", () => {
    expectTypeOf<operations["get_partner_token"]>().toEqualTypeOf<PartnerTokenOperation>();
  });
});

describe("business token (POST /v1/platform/{business_id}/oauth2/token/)", () => {
  it("answers 200 with access_token and expires_in required, the rest optional", () => {
    expectTypeOf<BusinessTokenBody>().toEqualTypeOf<BusinessTokenResponse>();
    expectTypeOf<BusinessTokenResponse>().toEqualTypeOf<{
      access_token: string;
      token_type?: string;
      expires_in: number;
      scope?: string;
      business_id?: string;
    }>();
  });

  it("takes business_id as a required path parameter", () => {
    type Params = paths["/v1/platform/{business_id}/oauth2/token/"]["post"]["parameters"];
    expectTypeOf<Params["path"]>().toEqualTypeOf<{ business_id: string }>();
  });

  it("answers 401, 403 and 404 with ErrorResponse", () => {
    type Responses = operations["get_business_token"]["responses"];
    type ErrorResponse = components["schemas"]["ErrorResponse"];
    expectTypeOf<Responses[401]["content"]["application/json"]>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<Responses[403]["content"]["application/json"]>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<Responses[404]["content"]["application/json"]>().toEqualTypeOf<ErrorResponse>();
  });
});
