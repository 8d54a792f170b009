import { describe, expectTypeOf, it } from "vitest";
import type {
  AgingBuckets,
  ApAgingReport,
  ArAgingReport,
  BalanceSheetReport,
  BankAccountConnection,
  BankAccountConnectionSummary,
  BankTransaction,
  CashFlowStatement,
  CustomerCredit,
  CustomerCreditCreateRequest,
  FinancialSummary,
  InvoicePaymentCreateResponse,
  InvoicePaymentDeleteResponse,
  JournalEntry,
  JournalEntryDetail,
  LedgerAccount,
  LedgerAccountCreateRequest,
  LedgerAccountDetail,
  ListEnvelope,
  operations,
  PaginatedBankTransactionList,
  PaginatedJournalEntryList,
  PaginatedLedgerAccountList,
  PaginatedPayoutList,
  PatchedInvoicePaymentUpdateRequest,
  Payout,
  PayoutCreateRequest,
  ProfitAndLossReport,
  ReportAccountGroup,
} from "../src/index.js";

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type Ok<Op extends keyof operations> = operations[Op]["responses"] extends { 200: infer R }
  ? Json<R>
  : never;
type Body<Op extends keyof operations> = Json<NonNullable<operations[Op]["requestBody"]>>;
type Query<Op extends keyof operations> = NonNullable<operations[Op]["parameters"]["query"]>;

describe("reports and insights", () => {
  it("answer with the list of reports the pages show", () => {
    expectTypeOf<Ok<"get_profit_and_loss">>().toEqualTypeOf<ProfitAndLossReport[]>();
    expectTypeOf<Ok<"get_balance_sheet">>().toEqualTypeOf<BalanceSheetReport[]>();
    expectTypeOf<Ok<"get_cash_flow_statement">>().toEqualTypeOf<CashFlowStatement[]>();
    expectTypeOf<Ok<"get_financial_summary">>().toEqualTypeOf<FinancialSummary[]>();
    expectTypeOf<Ok<"get_ap_aging">>().toEqualTypeOf<ApAgingReport[]>();
    expectTypeOf<Ok<"get_ar_aging">>().toEqualTypeOf<ArAgingReport[]>();
  });

  it("need no check on the fields a page marks required", () => {
    const summary = (report: FinancialSummary): string =>
      `${report.business_id} ${report.start_date}..${report.end_date} ${report.currency} ${report.granularity}`;
    const outstanding = (report: ApAgingReport): number => report.total_outstanding_cents;
    expectTypeOf(summary).returns.toEqualTypeOf<string>();
    expectTypeOf(outstanding).returns.toEqualTypeOf<number>();
    expectTypeOf<FinancialSummary["granularity"]>().toEqualTypeOf<
      "monthly" | "quarterly" | "yearly"
    >();
    expectTypeOf<ApAgingReport["group_by"]>().toEqualTypeOf<"vendor" | "total">();
  });

  it("leave optional what no page marks required", () => {
    expectTypeOf<FinancialSummary["summary"]>().toEqualTypeOf<
      | { total_revenue_cents?: number; total_expenses_cents?: number; net_profit_cents?: number }
      | undefined
    >();
    expectTypeOf<ProfitAndLossReport["summary"]>().toBeNullable();
    expectTypeOf<ArAgingReport["total_outstanding_cents"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error: the AR aging page shows no required marks, so the business_id may be missing
    const businessId: string = ({} as ArAgingReport).business_id;
    expectTypeOf(businessId).toBeString();
  });

  it("type the money of reports as cents and group accounts by subtype", () => {
    expectTypeOf<ProfitAndLossReport["revenue"]>().toEqualTypeOf<ReportAccountGroup | undefined>();
    expectTypeOf<ReportAccountGroup["total_cents"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<ApAgingReport["vendors"]>[number]["aging_buckets"]>().toEqualTypeOf<
      AgingBuckets | undefined
    >();
  });

  it("take the period as the pages document it", () => {
    expectTypeOf<Query<"get_profit_and_loss">>().toEqualTypeOf<{
      detail_level?: "summary" | "detailed";
      end_date?: string;
      start_date?: string;
    }>();
    expectTypeOf<Query<"get_balance_sheet">["as_of_date"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Query<"get_ar_aging">["group_by"]>().toEqualTypeOf<
      "customer" | "total" | undefined
    >();
  });

  it("require the financial summary's start and end dates", () => {
    const period: Query<"get_financial_summary"> = {
      start_date: "2026-01-01",
      end_date: "2026-03-31",
    };
    expectTypeOf(period.granularity).toEqualTypeOf<
      "monthly" | "quarterly" | "yearly" | undefined
    >();
    // @ts-expect-error: end_date is required
    const open: Query<"get_financial_summary"> = { start_date: "2026-01-01" };
    expectTypeOf(open).toMatchTypeOf<{ start_date: string }>();
  });
});

describe("invoice payments", () => {
  it("update with every field optional and answer as the create does", () => {
    expectTypeOf<
      Body<"update_invoice_payment">
    >().toEqualTypeOf<PatchedInvoicePaymentUpdateRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<PatchedInvoicePaymentUpdateRequest>();
    expectTypeOf<Ok<"update_invoice_payment">>().toEqualTypeOf<InvoicePaymentCreateResponse>();
    expectTypeOf<PatchedInvoicePaymentUpdateRequest["metadata"]>().toEqualTypeOf<
      { [key: string]: unknown } | undefined
    >();
  });

  it("answer a cancel with its four required fields", () => {
    expectTypeOf<Ok<"delete_invoice_payment">>().toEqualTypeOf<InvoicePaymentDeleteResponse>();
    expectTypeOf<InvoicePaymentDeleteResponse>().toEqualTypeOf<{
      message: string;
      payment_id: string;
      status: string;
      updated_at: string;
    }>();
  });
});

describe("payouts, bank and ledger", () => {
  it("create a payout with the page's named request and find it by id", () => {
    expectTypeOf<Body<"create_payout">>().toEqualTypeOf<PayoutCreateRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<PayoutCreateRequest>();
    expectTypeOf<Ok<"create_payout">>().toEqualTypeOf<Payout>();
    expectTypeOf<Payout["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Payout["paid_out_amount_cents"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Ok<"list_payouts">>().toEqualTypeOf<PaginatedPayoutList>();
    expectTypeOf<Query<"list_payouts">["max_amount"]>().toEqualTypeOf<number | undefined>();
  });

  it("type a bank account's balance twice: major units or null, and cents", () => {
    expectTypeOf<BankAccountConnection["balance"]>().toEqualTypeOf<number | null>();
    expectTypeOf<BankAccountConnection["balance_cents"]>().toEqualTypeOf<number>();
    expectTypeOf<BankAccountConnectionSummary["balance_cents"]>().toEqualTypeOf<
      number | undefined
    >();
    expectTypeOf<Query<"list_bank_accounts">["bank_link_status"]>().toEqualTypeOf<
      "active" | "error" | "revoked" | undefined
    >();
  });

  it("filter bank transactions by several categorization statuses", () => {
    expectTypeOf<Ok<"list_bank_transactions">>().toEqualTypeOf<PaginatedBankTransactionList>();
    expectTypeOf<PaginatedBankTransactionList>().toMatchTypeOf<ListEnvelope>();
    expectTypeOf<Query<"list_bank_transactions">["categorization_status"]>().toEqualTypeOf<
      string[] | undefined
    >();
    expectTypeOf<BankTransaction["amount"]>().toEqualTypeOf<number | undefined>();
  });

  it("mark an account's detail fields required as the page does", () => {
    expectTypeOf<Ok<"get_account_detail">>().toEqualTypeOf<LedgerAccountDetail>();
    const label = (account: LedgerAccountDetail): string =>
      `${account.code} ${account.name} (${account.currency}) ${account.id}`;
    expectTypeOf(label).returns.toBeString();
    expectTypeOf<PaginatedLedgerAccountList["results"]>().toEqualTypeOf<
      LedgerAccount[] | undefined
    >();
    expectTypeOf<LedgerAccountCreateRequest["balance_behavior"]>().toEqualTypeOf<
      "debit_positive" | "credit_positive" | "" | undefined
    >();
  });

  it("list journal entries and get one with its lines", () => {
    expectTypeOf<PaginatedJournalEntryList["results"]>().toEqualTypeOf<
      JournalEntry[] | undefined
    >();
    expectTypeOf<Ok<"get_journal_entry_detail">>().toEqualTypeOf<JournalEntryDetail>();
    expectTypeOf<JournalEntryDetail>().toMatchTypeOf<JournalEntry>();
    expectTypeOf<Query<"list_journal_entries">["status"]>().toEqualTypeOf<
      "draft" | "approved" | "rejected" | undefined
    >();
  });
});

describe("customer credits", () => {
  it("create a credit and answer with it", () => {
    expectTypeOf<Body<"create_customer_credit">>().toEqualTypeOf<CustomerCreditCreateRequest>();
    expectTypeOf<
      Json<operations["create_customer_credit"]["responses"][201]>
    >().toEqualTypeOf<CustomerCredit>();
    expectTypeOf<CustomerCredit["id"]>().toEqualTypeOf<string>();
  });
});
