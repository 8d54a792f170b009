import {
  createAuthMiddleware,
  createPartnerTokens,
  requireBusinessId,
} from "@thredfi/auth/internal";
import { resolveClientConfig } from "./config.js";
import type { ThredfiClientOptions } from "./options.js";
import { type ClientCore, createPathClient } from "./path-client.js";
import { createPipeline } from "./pipeline.js";
import {
  createResourceTrees,
  withBusinessResources,
  withPartnerResources,
} from "./resources/build-resources.js";
import type { PartnerResources } from "./resources/generated/types.js";
import type { ThredfiClient } from "./types.js";

/**
 * Creates the backend client: partner and business-scoped clients whose tokens are fetched,
 * cached and refreshed on their own, with timeouts, retries, idempotency keys, typed errors and
 * request logging. Every option of `@thredfi/auth`'s `createAuthClient` reaches its token
 * layer as it is.
 *
 * @example
 * const thredfi = createThredfiClient({ partnerId, apiKey, environment: "sandbox" });
 * const business = await thredfi.businesses.create({ external_id, legal_name, entity_type, email });
 * const invoices = await thredfi.business(business.id).invoices.list({ page_size: 100 });
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createThredfiClient(
  options: ThredfiClientOptions & { throwOnError: true },
): ThredfiClient<true>;
export function createThredfiClient(options: ThredfiClientOptions): ThredfiClient;
export function createThredfiClient(options: ThredfiClientOptions): ThredfiClient<boolean> {
  const config = resolveClientConfig(options, [options?.apiKey]);
  const pipeline = createPipeline(config);
  const { connection } = config;
  const tokens = createPartnerTokens(options, connection, pipeline.sendTokenRequest);
  const core: ClientCore = { config, pipeline, trees: createResourceTrees() };
  /** `businessId` as spelled, once checked: the token's scope. */
  const scoped = (businessId: string) => requireBusinessId(businessId) && businessId;
  const partnerScope = { tokens, businessId: undefined, key: undefined };
  const client: Omit<ThredfiClient<boolean>, keyof PartnerResources> = {
    partner: createPathClient(core, partnerScope) as never,
    business(businessId) {
      const id = scoped(businessId);
      const scope = { tokens, businessId: id, key: id.toLowerCase() };
      return withBusinessResources(createPathClient(core, scope), core, scope) as never;
    },
    tokens: tokens.handOut,
    middleware: {
      partner: createAuthMiddleware(connection, tokens),
      business: (businessId) => createAuthMiddleware(connection, tokens, scoped(businessId)),
    },
  };
  return withPartnerResources(client, core, partnerScope) as ThredfiClient<boolean>;
}
