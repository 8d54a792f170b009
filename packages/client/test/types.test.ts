import { describe, expectTypeOf, it } from "vitest";
import {
  type Business,
  createBusinessClient,
  createThredfiClient,
  type Invoice,
  paginate,
  type ThredfiPage,
  unwrap,
} from "../src/index.js";
import { API_KEY, BUSINESS_ID, PARTNER_ID } from "./support/fixtures.js";

// Type-level checks: the calls below are never awaited against a server.
const options = { partnerId: PARTNER_ID, apiKey: API_KEY, baseUrl: "http://127.0.0.1:9" };

describe("types", () => {
  it("a default client's data may be undefined; a throwOnError client's data is present", () => {
    const plain = createThredfiClient(options);
    const throwing = createThredfiClient({ ...options, throwOnError: true });
    type PlainData = Awaited<
      ReturnType<typeof plain.partner.GET<"/v1/platform/businesses/", Record<never, never>>>
    >["data"];
    type ThrowingData = Awaited<
      ReturnType<typeof throwing.partner.GET<"/v1/platform/businesses/", Record<never, never>>>
    >["data"];
    expectTypeOf<PlainData>().toEqualTypeOf<ThrowingData | undefined>();
    expectTypeOf<ThrowingData["results"]>().toEqualTypeOf<Business[]>();
  });

  it("a throwOnError business client's data is present", () => {
    const client = createBusinessClient({
      businessId: BUSINESS_ID,
      getToken: () => ({ access_token: "t", expires_in: 60 }),
      throwOnError: true,
    });
    type Data = Awaited<
      ReturnType<
        typeof client.GET<
          "/v1/platform/businesses/{business_id}/",
          { params: { path: { business_id: string } } }
        >
      >
    >["data"];
    expectTypeOf<Data>().toEqualTypeOf<Business>();
  });

  it("unwrap returns the data type of the call", () => {
    const thredfi = createThredfiClient(options);
    const pending = () => unwrap(thredfi.partner.GET("/v1/platform/businesses/"));
    expectTypeOf<Awaited<ReturnType<typeof pending>>["results"]>().toEqualTypeOf<Business[]>();
  });

  it("paginate infers the item type from results, and pages() the page type", () => {
    const thredfi = createThredfiClient(options);
    const list = () => paginate(thredfi.partner, "/v1/platform/businesses/");
    expectTypeOf<ReturnType<typeof list>>().toMatchTypeOf<AsyncIterable<Business>>();
    type Page =
      ReturnType<ReturnType<typeof list>["pages"]> extends AsyncIterable<infer P> ? P : never;
    expectTypeOf<Page>().toMatchTypeOf<ThredfiPage<Business, { count: number }>>();
  });

  it("paginate takes a list whose results the spec marks optional, typed by its items", () => {
    const biz = createThredfiClient(options).business(BUSINESS_ID);
    const list = () =>
      paginate(biz, "/v1/platform/businesses/{business_id}/invoices/", {
        params: { path: { business_id: BUSINESS_ID } },
      });
    expectTypeOf<ReturnType<typeof list>>().toMatchTypeOf<AsyncIterable<Invoice>>();
  });

  it("paginate refuses a path whose GET answers no list", () => {
    const thredfi = createThredfiClient(options);
    // @ts-expect-error a single business is not a list
    const single = () => paginate(thredfi.partner, "/v1/platform/businesses/{business_id}/");
    expectTypeOf(single).toBeFunction();
  });
});
