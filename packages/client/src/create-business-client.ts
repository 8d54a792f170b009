import { createBusinessTokens } from "@thredfi/auth/internal";
import { resolveClientConfig } from "./config.js";
import type { BusinessClientOptions } from "./options.js";
import { createPathClient } from "./path-client.js";
import { createPipeline } from "./pipeline.js";
import { createResourceTrees, withBusinessResources } from "./resources/build-resources.js";
import type { ThredfiBusinessClient } from "./types.js";

/**
 * Creates a browser-safe client for one business from tokens minted by the partner's backend,
 * with timeouts, retries, idempotency keys, typed errors and request logging. Every option of
 * `@thredfi/auth`'s `createBusinessAuthClient` reaches its token layer as it is.
 *
 * @example
 * const biz = createBusinessClient({ businessId, getToken: () => fetchTokenFromMyBackend() });
 * for await (const invoice of biz.invoices.list()) console.log(invoice.invoice_number);
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createBusinessClient(
  options: BusinessClientOptions & { throwOnError: true },
): ThredfiBusinessClient<true>;
export function createBusinessClient(options: BusinessClientOptions): ThredfiBusinessClient;
export function createBusinessClient(
  options: BusinessClientOptions,
): ThredfiBusinessClient<boolean> {
  const config = resolveClientConfig(options, []);
  const tokens = createBusinessTokens(options, config.connection, config.deadlines);
  const { businessId } = options;
  const core = { config, pipeline: createPipeline(config), trees: createResourceTrees() };
  const scope = { tokens, businessId, key: businessId.toLowerCase() };
  return withBusinessResources(createPathClient(core, scope), core, scope) as never;
}
