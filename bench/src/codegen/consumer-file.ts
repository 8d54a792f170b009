import { syntheticOperation } from "./synthetic-spec.js";

/**
 * A consumer of the generated types, as a partner would write it: typed calls to operations at
 * the start, middle and end of the synthetic spec, reading typed fields of each answer.
 */
export function consumerSource(operations: number): string {
  const resources = [0, Math.floor(operations / 8), Math.floor(operations / 4) - 1];
  const calls = [...new Set(resources)].map((resource) => {
    const list = syntheticOperation(resource * 4).path;
    const item = syntheticOperation(resource * 4 + 2).path;
    return `
  const list${resource} = await client.GET("${list}", {
    params: { path: { business_id: businessId }, query: { page: 1, page_size: 20 } },
  });
  const created${resource} = await client.POST("${list}", {
    params: { path: { business_id: businessId } },
    body: { name: "Consulting", amount_cents: 12_500, status: "open" },
  });
  const item${resource} = await client.GET("${item}", {
    params: { path: { business_id: businessId, item_id: "1" } },
  });
  totals.push(
    list${resource}.data?.results.length ?? 0,
    created${resource}.data?.amount_cents ?? 0,
    item${resource}.data?.name.length ?? 0,
  );`;
  });
  return `import createClient from "openapi-fetch";
import type { paths } from "./packages/types/src/openapi.js";

const client = createClient<paths>({ baseUrl: "https://sandbox.thredfi.com" });

export async function useGeneratedTypes(businessId: string): Promise<number[]> {
  const totals: number[] = [];${calls.join("")}
  return totals;
}
`;
}

/** A strict tsconfig that type-checks only the consumer file and what it imports. */
export const consumerTsconfig = JSON.stringify(
  {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    files: ["consumer.ts"],
  },
  null,
  2,
);
