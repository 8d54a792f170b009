import { describe, expectTypeOf, it } from "vitest";
import type {
  Business,
  CreateBusinessRequest,
  ErrorResponse,
  PaginatedBusinessList,
  ParameterBusinessId,
  PatchedUpdateBusinessRequest,
  paths,
  UpdateBusiness,
} from "../src/index.js";

/** The keys of `T` a value of `T` must have. */
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

describe("businesses", () => {
  it("requires on a Business what get-business marks required", () => {
    expectTypeOf<RequiredKeys<Business>>().toEqualTypeOf<
      "id" | "legal_name" | "country" | "email" | "base_currency" | "accounting_method"
    >();
    expectTypeOf<Business["name"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Business["external_id"]>().toEqualTypeOf<string | undefined>();
  });

  it("requires external_id, legal_name, entity_type and email to create a business", () => {
    expectTypeOf<RequiredKeys<CreateBusinessRequest>>().toEqualTypeOf<
      "external_id" | "legal_name" | "entity_type" | "email"
    >();
    expectTypeOf<CreateBusinessRequest["accounting_method"]>().toEqualTypeOf<
      "cash" | "accrual" | undefined
    >();
  });

  it("answers create_business with the Business, new (201) or already there (200)", () => {
    type Create = paths["/v1/platform/businesses/"]["post"];
    expectTypeOf<
      Create["responses"][201]["content"]["application/json"]
    >().toEqualTypeOf<Business>();
    expectTypeOf<
      Create["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<Business>();
  });

  it("updates with the PATCH body and answers the updated fields, without the id", () => {
    type Update = paths["/v1/platform/businesses/{business_id}/"]["patch"];
    expectTypeOf<
      NonNullable<Update["requestBody"]>["content"]["application/json"]
    >().toEqualTypeOf<PatchedUpdateBusinessRequest>();
    expectTypeOf<
      Update["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<UpdateBusiness>();
    expectTypeOf<RequiredKeys<PatchedUpdateBusinessRequest>>().toEqualTypeOf<never>();
    expectTypeOf<UpdateBusiness>().not.toHaveProperty("id");
    // country, base_currency and external_id cannot change.
    expectTypeOf<PatchedUpdateBusinessRequest>().not.toHaveProperty("country");
    expectTypeOf<PatchedUpdateBusinessRequest>().not.toHaveProperty("base_currency");
    expectTypeOf<PatchedUpdateBusinessRequest>().not.toHaveProperty("external_id");
  });

  it("lists businesses a page at a time", () => {
    type List = paths["/v1/platform/businesses/"]["get"];
    expectTypeOf<
      List["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<PaginatedBusinessList>();
    expectTypeOf<PaginatedBusinessList["results"]>().toEqualTypeOf<Business[]>();
    expectTypeOf<NonNullable<List["parameters"]["query"]>["page_size"]>().toEqualTypeOf<
      number | undefined
    >();
  });

  it("exports named types for shared components", () => {
    expectTypeOf<ErrorResponse["error"]>().toEqualTypeOf<string>();
    expectTypeOf<ParameterBusinessId>().toEqualTypeOf<string>();
  });
});
