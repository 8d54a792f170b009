import { describe, expectTypeOf, it } from "vitest";
import type {
  Bill,
  BillCreateApiRequest,
  BillPaymentCancelResponse,
  BillPaymentCreateRequest,
  BillPaymentDetail,
  BillPaymentListItem,
  BillUpdateApiRequest,
  CreateVendorCreditRequest,
  CreateVendorRequest,
  ListEnvelope,
  operations,
  PaginatedBillList,
  PaginatedBillPaymentList,
  PaginatedVendorCreditList,
  PaginatedVendorList,
  PaginatedVendorRefundList,
  PatchedBillPaymentUpdateRequest,
  PatchedVendorRefundPaymentUpdateRequest,
  PatchedVendorRefundUpdateRequest,
  paths,
  Vendor,
  VendorCredit,
  VendorRefund,
  VendorRefundCreateRequest,
  VendorRefundPaymentCreateRequest,
  VendorRefundPaymentCreateResponse,
  VendorRequest,
} from "../src/index.js";

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type CreatedBill = Json<operations["create_bill"]["responses"][201]>;
type BillPaymentBody = Json<NonNullable<operations["create_bill_payment"]["requestBody"]>>;

describe("records the API answers", () => {
  it("carry their id: a created bill's id is a string, no check needed", () => {
    expectTypeOf<CreatedBill>().toEqualTypeOf<Bill>();
    expectTypeOf<CreatedBill["id"]>().toEqualTypeOf<string>();
    const bill = {} as CreatedBill;
    const billId: string = bill.id;
    expectTypeOf(billId).toBeString();
  });

  it("carry the fields the pages mark required, and no more", () => {
    expectTypeOf<Vendor["status"]>().toEqualTypeOf<string>();
    expectTypeOf<Vendor["transaction_tags"]>().toEqualTypeOf<unknown[]>();
    expectTypeOf<Vendor["email"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<BillPaymentDetail["id"]>().toEqualTypeOf<string>();
    expectTypeOf<BillPaymentDetail["amount_cents"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<BillPaymentCancelResponse["payment_id"]>().toEqualTypeOf<string>();
    expectTypeOf<VendorCredit["id"]>().toEqualTypeOf<string>();
    expectTypeOf<VendorRefund["id"]>().toEqualTypeOf<string>();
    expectTypeOf<VendorRefundPaymentCreateResponse["allocations"]>().toEqualTypeOf<
      Record<string, unknown>[]
    >();
  });
});

describe("create_bill_payment's request body, as a consumer writes it", () => {
  it("is the named BillPaymentCreateRequest type", () => {
    expectTypeOf<BillPaymentBody>().toEqualTypeOf<BillPaymentCreateRequest>();
  });

  it("accepts a payment with allocations and open metadata", () => {
    const body: BillPaymentBody = {
      vendor_id: "7d3e9a10-2b4c-4f5e-8a6b-1c2d3e4f5a6b",
      amount_cents: 30000,
      payment_method: "bank_transfer",
      payment_date: "2026-03-10",
      metadata: { order_id: "o-1" },
      allocations: [{ bill_id: "b1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f", amount_cents: 30000 }],
    };
    expectTypeOf(body.metadata).toEqualTypeOf<Record<string, unknown> | undefined>();
  });

  it("takes the documented payment methods only", () => {
    expectTypeOf<NonNullable<BillPaymentCreateRequest["payment_method"]>>().toEqualTypeOf<
      "bank_transfer" | "ach" | "wire" | "check" | "credit_card" | "cash" | "other"
    >();
    const body: BillPaymentBody = {
      // @ts-expect-error: paypal is an invoice payment method, not a bill payment one
      payment_method: "paypal",
    };
    expectTypeOf(body).toEqualTypeOf<BillPaymentCreateRequest>();
  });

  it("sends the idempotency key as an optional header", () => {
    type Header = NonNullable<operations["create_bill_payment"]["parameters"]["header"]>;
    expectTypeOf<Header["Idempotency-Key"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("request bodies", () => {
  it("require what the pages mark required", () => {
    expectTypeOf<Record<string, never>>().toMatchTypeOf<CreateVendorRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<BillCreateApiRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<PatchedBillPaymentUpdateRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<PatchedVendorRefundUpdateRequest>();
    expectTypeOf<Record<string, never>>().not.toMatchTypeOf<VendorRefundCreateRequest>();
    expectTypeOf<Record<string, never>>().not.toMatchTypeOf<VendorRefundPaymentCreateRequest>();
    const refund: VendorRefundCreateRequest = {
      vendor_id: "7d3e9a10-2b4c-4f5e-8a6b-1c2d3e4f5a6b",
      total_refunded_amount_cents: 5000,
      currency: "GBP",
    };
    expectTypeOf(refund.total_refunded_amount_cents).toBeNumber();
  });

  it("catch a field of the wrong type", () => {
    const body: CreateVendorRequest = {
      // @ts-expect-error: a vendor's email is a string
      email: 42,
    };
    expectTypeOf(body).toEqualTypeOf<CreateVendorRequest>();
  });

  it("keep the vendor refund payment statuses to the documented enum", () => {
    expectTypeOf<NonNullable<PatchedVendorRefundPaymentUpdateRequest["status"]>>().toEqualTypeOf<
      "pending" | "processing" | "completed" | "failed" | "cancelled"
    >();
  });
});

describe("lists", () => {
  it("share one envelope and add their own results", () => {
    expectTypeOf<PaginatedVendorList>().toMatchTypeOf<ListEnvelope>();
    expectTypeOf<PaginatedVendorList["results"]>().toEqualTypeOf<Vendor[] | undefined>();
    expectTypeOf<PaginatedBillList["results"]>().toEqualTypeOf<Bill[] | undefined>();
    expectTypeOf<PaginatedBillPaymentList["results"]>().toEqualTypeOf<
      BillPaymentListItem[] | undefined
    >();
    expectTypeOf<PaginatedVendorCreditList["results"]>().toEqualTypeOf<
      VendorCredit[] | undefined
    >();
    expectTypeOf<PaginatedVendorRefundList["results"]>().toEqualTypeOf<
      VendorRefund[] | undefined
    >();
  });

  it("take the documented filters", () => {
    type Vendors = paths["/v1/platform/businesses/{business_id}/vendors/"]["get"];
    type VendorQuery = NonNullable<Vendors["parameters"]["query"]>;
    expectTypeOf<VendorQuery["include_archived"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<VendorQuery["name_contains"]>().toEqualTypeOf<string | undefined>();
    type Refunds = paths["/v1/platform/businesses/{business_id}/vendor-refunds/"]["get"];
    type RefundQuery = NonNullable<Refunds["parameters"]["query"]>;
    expectTypeOf<RefundQuery["min_amount"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RefundQuery["is_fully_allocated"]>().toEqualTypeOf<boolean | undefined>();
  });
});

describe("named types", () => {
  it("exports one named type per payables schema", () => {
    expectTypeOf<
      [
        BillUpdateApiRequest,
        CreateVendorCreditRequest,
        VendorRequest,
        VendorRefundPaymentCreateRequest,
        VendorRefundPaymentCreateResponse,
      ]
    >().not.toBeNever();
  });
});
