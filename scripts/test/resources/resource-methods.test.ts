import { describe, expect, it } from "vitest";
import { renderResourceTable, renderResourceTypes } from "../../src/resources/render-resources.js";
import { resourceMethods } from "../../src/resources/resource-methods.js";

const B = "/v1/platform/businesses/{business_id}";
const page = {
  type: "object",
  properties: { count: { type: "integer" }, results: { type: "array", items: { type: "object" } } },
};

/** A spec of `operations`: `[method, path, operationId, extra fields of the operation]`. */
function spec(...operations: [string, string, string, Record<string, unknown>?][]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, operationId, extra = {}] of operations) {
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[method] = {
      operationId,
      summary: `Summary of ${operationId}`,
      responses: { "200": { description: "ok" } },
      ...extra,
    };
  }
  return { openapi: "3.0.3", paths };
}

const listed = {
  responses: { "200": { description: "", content: { "application/json": { schema: page } } } },
  parameters: [{ name: "page_size", in: "query", schema: { type: "integer" } }],
};

describe("resourceMethods", () => {
  it("describes each method: its name, path ids, input, page and docs page", () => {
    const { methods } = resourceMethods(
      spec(
        [
          "get",
          `${B}/bills/`,
          "list_bills",
          { ...listed, "x-thredfi-source": "/api-reference/bills/list-bills" },
        ],
        [
          "post",
          `${B}/bills/{bill_id}/payments/`,
          "create_bill_payment",
          {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: { type: "object", properties: { amount_cents: { type: "integer" } } },
                },
              },
            },
          },
        ],
      ),
    );
    expect(
      methods.map((method) => [method.tree, method.name.join("."), method.pathParams]),
    ).toEqual([
      ["business", "bills.list", []],
      ["business", "bills.payments.create", ["bill_id"]],
    ]);
    const [list, create] = methods;
    expect(list?.paged).toBe(true);
    expect(list?.input).toBe("query");
    expect(list?.docsUrl).toBe("https://docs.thredfi.com/api-reference/bills/list-bills");
    expect(create?.input).toBe("body");
    expect(create?.inputRequired).toBe(true);
    expect(create?.units).toEqual([
      "`amount_cents`: integer amount in cents (the currency's minor unit)",
    ]);
  });

  it("fails naming every operation the rule cannot name", () => {
    expect(() =>
      resourceMethods(
        spec(["post", "/v1/platform/{business_id}/oauth2/token/", "get_business_token"]),
      ),
    ).toThrow(/get_business_token .* has no method: .*specs\/resource-names\.yaml/);
  });

  it("fails naming both operations of one name", () => {
    expect(() =>
      resourceMethods(
        spec(
          ["get", `${B}/reports/summary/`, "summary_a"],
          ["get", `${B}/reports/summary`, "summary_b"],
        ),
      ),
    ).toThrow(/summary_a and summary_b are both business method reports.summary/);
  });

  it("fails on a name the client itself holds", () => {
    expect(() =>
      resourceMethods(spec(["get", "/v1/platform/tokens/", "list_tokens", listed])),
    ).toThrow(/"tokens", which the client itself holds/);
  });

  it("takes names and hand-written members from the mapping, and refuses one for no operation", () => {
    const named = resourceMethods(
      spec(
        ["post", "/v1/platform/{business_id}/oauth2/token/", "get_business_token"],
        ["post", `${B}/bills/{bill_id}/`, "approve_bill"],
      ),
      {
        get_business_token: { handWritten: "tokens.business" },
        approve_bill: { name: "bills.approve" },
      },
    );
    expect(named.handWritten.map((method) => method.name)).toEqual(["tokens.business"]);
    expect(named.methods.map((method) => method.name.join("."))).toEqual(["bills.approve"]);
    expect(() => resourceMethods(spec(), { gone: { name: "x.y" } })).toThrow(
      /names gone, which the spec does not have/,
    );
  });

  it("renders one table line per method and one interface per resource", () => {
    const { methods } = resourceMethods(
      spec(
        ["get", `${B}/bills/`, "list_bills", listed],
        ["get", `${B}/bills/{bill_id}/`, "get_bill"],
      ),
    );
    const table = renderResourceTable(methods);
    expect(table).toContain("bills.list GET bills/ pq\n");
    expect(table).toContain("bills.retrieve GET bills/{bill_id}/ -\n");
    const types = renderResourceTypes(methods);
    expect(types).toContain("export interface BusinessResources {");
    expect(types).toContain("readonly bills: BillsResource;");
    expect(types).toContain(
      'list(query?: Query<"list_bills">, options?: RequestOptions): PagePromise<Item<"list_bills">, Data<"list_bills", 200>>;',
    );
    expect(types).toContain(
      'retrieve(billId: string, options?: RequestOptions): APIPromise<Data<"get_bill", 200>>;',
    );
  });
});
