import { describe, expectTypeOf, it } from "vitest";
import type {
  Business,
  BusinessCreateRequest,
  ErrorResponse,
  PaginatedBusinessList,
  ParameterBusinessId,
  paths,
} from "../src/index.js";

describe("businesses", () => {
  it("requires only id, external_id and legal_name on a Business", () => {
    type RequiredKeys = {
      [K in keyof Business]-?: undefined extends Business[K] ? never : K;
    }[keyof Business];
    expectTypeOf<RequiredKeys>().toEqualTypeOf<"id" | "external_id" | "legal_name">();
    expectTypeOf<Business["name"]>().toEqualTypeOf<string | null | undefined>();
  });

  it("requires external_id, legal_name, entity_type and email to create a business", () => {
    type RequiredKeys = {
      [K in keyof BusinessCreateRequest]-?: undefined extends BusinessCreateRequest[K] ? never : K;
    }[keyof BusinessCreateRequest];
    expectTypeOf<RequiredKeys>().toEqualTypeOf<
      "external_id" | "legal_name" | "entity_type" | "email"
    >();
    expectTypeOf<BusinessCreateRequest["accounting_method"]>().toEqualTypeOf<
      "cash" | "accrual" | undefined
    >();
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
