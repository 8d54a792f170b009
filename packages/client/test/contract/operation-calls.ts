import type { PartnerToken, ThredfiClient } from "../../src/index.js";

/** What an API operation answers through openapi-fetch. */
export interface ApiResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * How the contract suite calls one operation through the SDK. Token endpoints are reached through
 * `tokens` (and fail with `ThredfiAuthError`); every other operation through an openapi-fetch
 * client (and fails with `{ error }`).
 */
export type OperationCall =
  | { kind: "token"; run(thredfi: ThredfiClient, businessId: string): Promise<PartnerToken> }
  | { kind: "api"; run(thredfi: ThredfiClient, businessId: string): Promise<ApiResult> };

/**
 * One call per operationId of the spec. An operation added to the spec without an entry here
 * fails the contract suite.
 */
export const operationCalls: Record<string, OperationCall> = {
  get_partner_token: {
    kind: "token",
    run: (thredfi) => thredfi.tokens.partner(),
  },
  get_business_token: {
    kind: "token",
    run: (thredfi, businessId) => thredfi.tokens.business(businessId),
  },
  list_businesses: {
    kind: "api",
    run: (thredfi) =>
      thredfi.partner.GET("/v1/platform/businesses/", {
        params: { query: { country: "GB", is_archived: false, page: 1, page_size: 20 } },
      }),
  },
  create_business: {
    kind: "api",
    run: (thredfi) =>
      thredfi.partner.POST("/v1/platform/businesses/", {
        body: {
          external_id: "acme-001",
          legal_name: "Acme Widgets Ltd",
          entity_type: "company",
          email: "finance@acme.example",
          country: "GB",
          base_currency: "GBP",
          accounting_method: "accrual",
          metadata: { source: "contract-suite" },
        },
      }),
  },
  get_business: {
    kind: "api",
    run: (thredfi, businessId) =>
      thredfi.business(businessId).GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: businessId } },
      }),
  },
  update_business: {
    kind: "api",
    run: (thredfi, businessId) =>
      thredfi.business(businessId).PATCH("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: businessId } },
        body: { legal_name: "Acme Widgets Limited", fiscal_year_end: "2026-12-31" },
      }),
  },
};

/** The call of `operationId`; throws naming the operation when the suite has none. */
export function callFor(operationId: string): OperationCall {
  const operationCall = operationCalls[operationId];
  if (operationCall === undefined) {
    throw new Error(`no SDK call for operation ${operationId}: add one to operationCalls`);
  }
  return operationCall;
}
