import { describe, expect, it } from "vitest";
import {
  camelCase,
  type NamedOperationInput,
  nameOperations,
} from "../../src/resources/naming-rule.js";

const B = "/v1/platform/businesses/{business_id}";

/** The operations of the spec and of the ones being added beside it, with what the rule reads. */
const OPERATIONS: NamedOperationInput[] = [
  op("get", "/v1/platform/businesses/", { answersPage: true }),
  op("post", "/v1/platform/businesses/", { answersCreated: true }),
  op("get", `${B}/`),
  op("patch", `${B}/`),
  op("get", `${B}/customers/`, { answersPage: true }),
  op("post", `${B}/customers/`, { answersCreated: true }),
  op("get", `${B}/customers/{customer_id}/`),
  op("post", `${B}/customers/{customer_id}/archive/`),
  op("get", `${B}/invoices/`, { answersPage: true }),
  op("post", `${B}/invoices/`, { answersCreated: true }),
  op("put", `${B}/invoices/{invoice_id}/`),
  op("post", `${B}/invoices/{invoice_id}/void/`),
  op("get", `${B}/invoices/payments/`, { answersPage: true }),
  op("post", `${B}/invoices/payments/`, { answersCreated: true }),
  op("get", `${B}/invoices/payments/{payment_id}/`),
  op("patch", `${B}/invoices/payments/{payment_id}/`),
  op("post", `${B}/invoices/payments/{payment_id}/cancel/`),
  op("get", `${B}/invoices/refunds/`, { answersPage: true }),
  op("post", `${B}/invoices/refunds/`, { answersCreated: true }),
  op("get", `${B}/invoices/refunds/{refund_id}/`),
  op("get", `${B}/invoices/refunds/{refund_id}/payments/`, { answersPage: true }),
  op("post", `${B}/invoices/refunds/{refund_id}/payments/`, { answersCreated: true }),
  op("get", `${B}/payouts/`, { answersPage: true }),
  op("get", `${B}/payouts/{payout_id}/`),
  op("get", `${B}/vendors/`, { answersPage: true }),
  op("post", `${B}/vendors/`, { answersCreated: true }),
  op("get", `${B}/vendors/{vendor_id}/`),
  op("post", `${B}/vendors/{vendor_id}/unarchive/`),
  op("get", `${B}/bills/`, { answersPage: true }),
  op("post", `${B}/bills/`, { answersCreated: true }),
  op("get", `${B}/bills/{bill_id}/`),
  op("put", `${B}/bills/{bill_id}/`),
  op("get", `${B}/bills/payments/`, { answersPage: true }),
  op("post", `${B}/bills/payments/`, { answersCreated: true }),
  op("get", `${B}/bills/payments/{bill_payment_id}/`),
  op("patch", `${B}/bills/payments/{bill_payment_id}/`),
  op("post", `${B}/bills/payments/{bill_payment_id}/delete/`),
  op("get", `${B}/vendor-credits/`, { answersPage: true }),
  op("get", `${B}/vendor-credits/{credit_id}/`),
  op("get", `${B}/vendor-refunds/`, { answersPage: true }),
  op("patch", `${B}/vendor-refunds/{refund_id}/`),
  op("post", `${B}/vendor-refunds/payments/`, { operationId: "create_vendor_refund_payment" }),
  op("patch", `${B}/vendor-refunds/payments/{vendor_refund_payment_id}/`),
  op("get", `${B}/bank-accounts/`, { answersPage: true }),
  op("get", `${B}/bank-accounts/{bank_account_id}/`),
  op("get", `${B}/bank-transactions/`, { answersPage: true }),
  op("get", `${B}/general-ledger/chart-of-accounts/`, { answersPage: true }),
  op("post", `${B}/general-ledger/chart-of-accounts/`, { answersCreated: true }),
  op("get", `${B}/general-ledger/chart-of-accounts/{account_id}/`),
  op("post", `${B}/general-ledger/chart-of-accounts/{account_id}/children/`, {
    answersCreated: true,
  }),
  op("get", `${B}/general-ledger/chart-of-accounts/hierarchy/`),
  op("get", `${B}/general-ledger/chart-of-accounts/{account_id}/entries/`, { answersPage: true }),
  op("get", `${B}/general-ledger/journal-entries/`, { answersPage: true }),
  op("get", `${B}/general-ledger/journal-entries/{entry_id}/`),
  op("get", `${B}/reports/profit-and-loss/`),
  op("get", `${B}/reports/balance-sheet/`),
  op("get", `${B}/reports/cash-flow/`),
  op("get", `${B}/insights/financial-summary/`),
  op("get", `${B}/insights/ap-aging/`),
  op("get", `${B}/insights/ar-aging/`),
  op("get", `${B}/customer-credits/`, { answersPage: true }),
  op("post", `${B}/customer-credits/`, { answersCreated: true }),
  op("delete", `${B}/customer-credits/{credit_id}/`),
  op("post", "/v1/platform/oauth2/token/"),
  op("post", "/v1/platform/{business_id}/oauth2/token/"),
];

function op(
  method: string,
  path: string,
  hints: Partial<NamedOperationInput> = {},
): NamedOperationInput {
  return { operationId: `${method} ${path}`, method, path, ...hints };
}

const answers = nameOperations(OPERATIONS);

/** The rule's name of `METHOD path`, as `tree: dotted.name`. */
function nameOf(method: string, path: string): string {
  const operation = OPERATIONS.find((each) => each.method === method && each.path === path);
  const answer = operation && answers.get(operation.operationId);
  if (answer === undefined) throw new Error(`no operation ${method} ${path}`);
  return "undecided" in answer
    ? `undecided: ${answer.undecided}`
    : `${answer.tree}: ${answer.name.join(".")}`;
}

describe("the naming rule", () => {
  it.each([
    ["get", "/v1/platform/businesses/", "partner: businesses.list"],
    ["post", "/v1/platform/businesses/", "partner: businesses.create"],
    ["get", `${B}/`, "partner: businesses.retrieve"],
    ["patch", `${B}/`, "partner: businesses.update"],
    ["post", `${B}/customers/`, "business: customers.create"],
    ["post", `${B}/customers/{customer_id}/archive/`, "business: customers.archive"],
    ["put", `${B}/invoices/{invoice_id}/`, "business: invoices.update"],
    ["post", `${B}/invoices/{invoice_id}/void/`, "business: invoices.void"],
    ["post", `${B}/invoices/payments/`, "business: invoices.payments.create"],
    ["patch", `${B}/invoices/payments/{payment_id}/`, "business: invoices.payments.update"],
    ["post", `${B}/invoices/payments/{payment_id}/cancel/`, "business: invoices.payments.cancel"],
    [
      "get",
      `${B}/invoices/refunds/{refund_id}/payments/`,
      "business: invoices.refunds.payments.list",
    ],
    [
      "post",
      `${B}/invoices/refunds/{refund_id}/payments/`,
      "business: invoices.refunds.payments.create",
    ],
    ["get", `${B}/payouts/{payout_id}/`, "business: payouts.retrieve"],
    ["post", `${B}/vendors/{vendor_id}/unarchive/`, "business: vendors.unarchive"],
    ["put", `${B}/bills/{bill_id}/`, "business: bills.update"],
    ["get", `${B}/bills/payments/`, "business: bills.payments.list"],
    ["patch", `${B}/bills/payments/{bill_payment_id}/`, "business: bills.payments.update"],
    ["post", `${B}/bills/payments/{bill_payment_id}/delete/`, "business: bills.payments.delete"],
    ["get", `${B}/vendor-credits/`, "business: vendorCredits.list"],
    ["get", `${B}/vendor-credits/{credit_id}/`, "business: vendorCredits.retrieve"],
    ["patch", `${B}/vendor-refunds/{refund_id}/`, "business: vendorRefunds.update"],
    ["post", `${B}/vendor-refunds/payments/`, "business: vendorRefunds.payments.create"],
    [
      "patch",
      `${B}/vendor-refunds/payments/{vendor_refund_payment_id}/`,
      "business: vendorRefunds.payments.update",
    ],
    ["get", `${B}/bank-accounts/{bank_account_id}/`, "business: bankAccounts.retrieve"],
    ["get", `${B}/bank-transactions/`, "business: bankTransactions.list"],
    [
      "get",
      `${B}/general-ledger/chart-of-accounts/`,
      "business: generalLedger.chartOfAccounts.list",
    ],
    [
      "post",
      `${B}/general-ledger/chart-of-accounts/`,
      "business: generalLedger.chartOfAccounts.create",
    ],
    [
      "get",
      `${B}/general-ledger/chart-of-accounts/{account_id}/`,
      "business: generalLedger.chartOfAccounts.retrieve",
    ],
    [
      "post",
      `${B}/general-ledger/chart-of-accounts/{account_id}/children/`,
      "business: generalLedger.chartOfAccounts.children.create",
    ],
    [
      "get",
      `${B}/general-ledger/chart-of-accounts/hierarchy/`,
      "business: generalLedger.chartOfAccounts.hierarchy",
    ],
    [
      "get",
      `${B}/general-ledger/chart-of-accounts/{account_id}/entries/`,
      "business: generalLedger.chartOfAccounts.entries.list",
    ],
    ["get", `${B}/general-ledger/journal-entries/`, "business: generalLedger.journalEntries.list"],
    [
      "get",
      `${B}/general-ledger/journal-entries/{entry_id}/`,
      "business: generalLedger.journalEntries.retrieve",
    ],
    ["get", `${B}/reports/profit-and-loss/`, "business: reports.profitAndLoss"],
    ["get", `${B}/reports/balance-sheet/`, "business: reports.balanceSheet"],
    ["get", `${B}/reports/cash-flow/`, "business: reports.cashFlow"],
    ["get", `${B}/insights/financial-summary/`, "business: insights.financialSummary"],
    ["get", `${B}/insights/ap-aging/`, "business: insights.apAging"],
    ["get", `${B}/insights/ar-aging/`, "business: insights.arAging"],
    ["post", `${B}/customer-credits/`, "business: customerCredits.create"],
    ["delete", `${B}/customer-credits/{credit_id}/`, "business: customerCredits.del"],
  ])("names %s %s %s", (method, path, expected) => {
    expect(nameOf(method, path)).toBe(expected);
  });

  it("names every operation of the list, no two alike, but the token requests", () => {
    const names = OPERATIONS.map((operation) => nameOf(operation.method, operation.path));
    const named = names.filter((name) => !name.startsWith("undecided"));
    expect(new Set(named).size).toBe(named.length);
    expect(names.length - named.length).toBe(1);
  });

  it("leaves a path that starts with a parameter to the mapping file", () => {
    expect(nameOf("post", "/v1/platform/{business_id}/oauth2/token/")).toMatch(/^undecided: /);
  });

  it("takes a final segment after an item for an action unless it holds a collection", () => {
    const only = (operations: NamedOperationInput[]) => nameOperations(operations);
    const action = op("post", `${B}/bills/{bill_id}/approve/`);
    expect(only([action]).get(action.operationId)).toEqual({
      tree: "business",
      name: ["bills", "approve"],
    });
    const created = op("post", `${B}/bills/{bill_id}/attachments/`, { answersCreated: true });
    expect(only([created]).get(created.operationId)).toEqual({
      tree: "business",
      name: ["bills", "attachments", "create"],
    });
    const listed = op("get", `${B}/bills/{bill_id}/attachments/`, {
      operationId: "list_bill_attachments",
    });
    expect(only([listed]).get(listed.operationId)).toEqual({
      tree: "business",
      name: ["bills", "attachments", "list"],
    });
  });

  it("takes a static GET with items below it for a collection, without for a single thing", () => {
    const single = op("get", `${B}/settings/`);
    const list = op("get", `${B}/things/`);
    const item = op("get", `${B}/things/{thing_id}/`);
    const answers = nameOperations([single, list, item]);
    expect(answers.get(single.operationId)).toEqual({ tree: "business", name: ["settings"] });
    expect(answers.get(list.operationId)).toEqual({ tree: "business", name: ["things", "list"] });
  });

  it.each([
    ["vendor-credits", "vendorCredits"],
    ["general-ledger", "generalLedger"],
    ["profit_and_loss", "profitAndLoss"],
    ["ap-aging", "apAging"],
    ["oauth2", "oauth2"],
  ])("spells %s as %s", (segment, expected) => {
    expect(camelCase(segment)).toBe(expected);
  });
});
