import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { createThredfiClient, type ThredfiFetch } from "../src/index.js";
import { BUSINESS_METHODS, PARTNER_METHODS } from "../src/resources/generated/methods.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const PARTNER_PREFIX = "/v1/platform/";
const BUSINESS_PREFIX = "/v1/platform/businesses/{business_id}/";
const PARTNER_ID = "a1b2c3d4-5678-90ab-cdef-1234567890ab";
const API_KEY = "resources-suite-api-key";
const mockUrl = inject("thredfiMockUrl");

interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
}

/** Every operation of the bundled spec the generator read. */
function specOperations(): SpecOperation[] {
  const spec = parse(readFileSync(`${root}specs/thredfi.yaml`, "utf8")) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ["get", "put", "post", "patch", "delete"].includes(method))
      .map(([method, operation]) => ({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
      })),
  );
}

/** The operations the mapping file gives to hand-written members, e.g. `tokens.partner`. */
function handWritten(): Map<string, string> {
  const mapping = parse(readFileSync(`${root}specs/resource-names.yaml`, "utf8")) as Record<
    string,
    { handWritten?: string }
  >;
  return new Map(
    Object.entries(mapping)
      .filter(([, entry]) => entry.handWritten !== undefined)
      .map(([operationId, entry]) => [operationId, entry.handWritten as string]),
  );
}

interface TableMethod {
  tree: "partner" | "business";
  name: string;
  method: string;
  path: string;
  ids: number;
  flags: string;
}

function tableMethods(): TableMethod[] {
  const read = (tree: TableMethod["tree"], table: string, prefix: string) =>
    table
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => {
        const [name = "", method = "", suffix = "", flags = ""] = line.split(" ");
        const ids = suffix.split("{").length - 1;
        return { tree, name, method, path: prefix + suffix, ids, flags };
      });
  return [
    ...read("partner", PARTNER_METHODS, PARTNER_PREFIX),
    ...read("business", BUSINESS_METHODS, BUSINESS_PREFIX),
  ];
}

/** The member at `dotted` of `object`, e.g. `invoices.payments.create`. */
function memberAt(object: unknown, dotted: string): unknown {
  let current = object;
  for (const name of dotted.split(".")) current = (current as Record<string, unknown>)?.[name];
  return current;
}

/** A client on the mock recording each API request's method and path, and Prism's violations. */
function recordedClient() {
  const sent: { method: string; path: string; violations: string | null }[] = [];
  const fetch: ThredfiFetch = async (request, init) => {
    const response = await globalThis.fetch(request, init);
    const { pathname } = new URL(request.url);
    if (!pathname.includes("/oauth2/")) {
      sent.push({
        method: request.method,
        path: pathname,
        violations: response.headers.get("sl-violations"),
      });
    }
    return response;
  };
  const client = createThredfiClient({
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    baseUrl: mockUrl,
    fetch,
    maxRetries: 0,
    logger: {},
  });
  return { client, sent };
}

/** `/v1/platform/businesses/{business_id}/x/` as a pattern matching a sent path. */
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

describe("every operation of the spec has exactly one method", () => {
  const operations = specOperations();
  const methods = tableMethods();
  const manual = handWritten();

  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    "%s has one method",
    (operationId, operation) => {
      const generated = methods.filter(
        (method) => method.method === operation.method && method.path === operation.path,
      );
      const byHand = manual.has(operationId) ? 1 : 0;
      expect(generated.length + byHand, `${operation.method} ${operation.path}`).toBe(1);
    },
  );

  it("no two methods of one client share a name, and every method is one of the spec", () => {
    for (const tree of ["partner", "business"] as const) {
      const names = methods.filter((method) => method.tree === tree).map((method) => method.name);
      if (tree === "partner") names.push(...manual.values());
      expect(new Set(names).size, tree).toBe(names.length);
    }
    const known = new Set(operations.map((operation) => `${operation.method} ${operation.path}`));
    for (const method of methods) expect(known).toContain(`${method.method} ${method.path}`);
  });

  it("each name is a function of its client, the hand-written ones too", () => {
    const client = createThredfiClient({ partnerId: PARTNER_ID, apiKey: API_KEY });
    const business = client.business("3f2b8c1e-9d4a-4e6b-8a7c-2d1e0f9b8a76");
    for (const method of methods) {
      const owner = method.tree === "partner" ? client : business;
      expect(typeof memberAt(owner, method.name), method.name).toBe("function");
    }
    for (const name of manual.values())
      expect(typeof memberAt(client, name), name).toBe("function");
  });

  it("each method sends its own operation to the mock", async () => {
    const { client, sent } = recordedClient();
    const business = client.business("3f2b8c1e-9d4a-4e6b-8a7c-2d1e0f9b8a76");
    for (const method of methods) {
      const owner = method.tree === "partner" ? client : business;
      const call = memberAt(owner, method.name) as (...args: unknown[]) => Promise<unknown>;
      const ids = Array.from({ length: method.ids }, () => "3f2b8c1e-9d4a-4e6b-8a7c-2d1e0f9b8a76");
      const input = method.flags.includes("b") || method.flags.includes("q") ? [{}] : [];
      await call
        .apply(memberAt(owner, method.name.split(".").slice(0, -1).join(".")) ?? owner, [
          ...ids,
          ...input,
        ])
        .catch(() => {});
      const last = sent[sent.length - 1];
      expect(last?.method, method.name).toBe(method.method);
      expect(last?.path, method.name).toMatch(templatePattern(method.path));
    }
  });
});

describe("the README's resource example against the mock", () => {
  it("creates a business, books a sale and lists the invoices, within the spec", async () => {
    const { client: thredfi, sent } = recordedClient();
    const created = await thredfi.businesses.create({
      external_id: "acme-001",
      legal_name: "Acme Ltd",
      entity_type: "company",
      email: "ap@acme.example",
    });
    const biz = thredfi.business(created.id);
    const customer = await biz.customers.create({
      external_id: "crm-42",
      company_name: "Bramble & Finch Ltd",
    });
    const customerId = customer.id ?? "";
    const invoice = await biz.invoices.create({
      external_id: "order-1001",
      customer_id: customerId,
      line_items: [{ description: "Espresso beans, 1 kg", quantity: 4, unit_price: 30 }],
    });
    const { data: payment, requestId } = await biz.invoices.payments
      .create(
        {
          customer_id: customerId,
          total_amount_cents: 12_000,
          allocations: [{ invoice_id: invoice.id ?? "", amount_cents: 12_000 }],
          payment_date: "2026-03-03",
          currency: "GBP",
        },
        { idempotencyKey: "pay-7781" },
      )
      .withResponse();
    expect(payment).toBeDefined();
    expect(requestId === undefined || typeof requestId === "string").toBe(true);
    const numbers: (string | undefined)[] = [];
    for await (const each of biz.invoices.list({ page_size: 100 }))
      numbers.push(each.invoice_number);
    expect(numbers.length).toBeGreaterThan(0);
    const page = await thredfi.businesses.list({ page_size: 20 });
    expect(page.data.length).toBeGreaterThan(0);
    expect(sent.filter((request) => request.violations !== null)).toEqual([]);
  });
});
