import { ThredfiError } from "@thredfi/auth";
import type { CallScope } from "../call.js";
import type { ClientCore } from "../path-client.js";
import { apiPromise } from "./api-promise.js";
import { BUSINESS_METHODS, PARTNER_METHODS } from "./generated/methods.js";
import type { BusinessResources, PartnerResources } from "./generated/types.js";
import { listPages } from "./pages.js";
import { dataOf, type MethodSpec, type ResourceContext, sendResourceCall } from "./send-call.js";
import type { RequestOptions } from "./types.js";

const PARTNER_PREFIX = "/v1/platform/";
const BUSINESS_PREFIX = "/v1/platform/businesses/{business_id}/";
/**
 * The context of each resource object (its methods and child resources come from its
 * prototype), kept off the object: `util.inspect` and `JSON.stringify` of a client never reach
 * the configuration and its API key.
 */
const contexts = new WeakMap<object, ResourceContext>();

let partnerRoot: object | undefined;
let businessRoot: object | undefined;

/**
 * `client` with the partner resources (`thredfi.businesses.list()`, …) beside its own members,
 * sending with the partner token of `scope`.
 */
export function withPartnerResources<Client extends object>(
  client: Client,
  core: ClientCore,
  scope: CallScope,
): Client & PartnerResources {
  partnerRoot ??= resourcePrototypes(PARTNER_METHODS, PARTNER_PREFIX);
  const base = `${core.config.connection.baseUrl}${PARTNER_PREFIX}`;
  return withResources(partnerRoot, client, { core, scope, base }) as Client & PartnerResources;
}

/**
 * `client` with the resources of the business of `scope` (`biz.invoices.create()`, …) beside
 * its own members, sending with that business's token.
 */
export function withBusinessResources<Client extends object>(
  client: Client,
  core: ClientCore,
  scope: CallScope & { businessId: string },
): Client & BusinessResources {
  businessRoot ??= resourcePrototypes(BUSINESS_METHODS, BUSINESS_PREFIX);
  const base = `${core.config.connection.baseUrl}/v1/platform/businesses/${encodeURIComponent(scope.businessId)}/`;
  return withResources(businessRoot, client, { core, scope, base }) as Client & BusinessResources;
}

function withResources(root: object, client: object, context: ResourceContext): object {
  const node = Object.assign(Object.create(root) as object, client);
  contexts.set(node, context);
  return node;
}

/**
 * The prototype of a tree's root, built once from its table: one generic method per line, and
 * for each resource a getter creating its object (on first use, then kept) with the same context.
 */
function resourcePrototypes(table: string, prefix: string): object {
  const root: object = {};
  const children = new Map<object, Map<string, object>>();
  for (const line of table.split("\n")) {
    if (line === "") continue;
    const [dotted = "", method = "", suffix = "", flags = ""] = line.split(" ");
    const names = dotted.split(".");
    let prototype = root;
    for (const name of names.slice(0, -1)) prototype = childPrototype(children, prototype, name);
    const spec: MethodSpec = {
      name: dotted,
      method,
      template: prefix + suffix,
      pieces: suffix.split(/\{[^}]*\}/),
      ids: Array.from(suffix.matchAll(/\{([^}]*)\}/g), (match) => match[1] as string),
      input: flags.includes("b") ? "b" : flags.includes("q") ? "q" : "",
      queryInOptions: flags.includes("o"),
      paged: flags.includes("p"),
    };
    Object.defineProperty(prototype, names[names.length - 1] as string, {
      value: resourceMethod(spec),
      enumerable: true,
    });
  }
  return root;
}

function childPrototype(
  children: Map<object, Map<string, object>>,
  parent: object,
  name: string,
): object {
  let byName = children.get(parent);
  if (!byName) {
    byName = new Map();
    children.set(parent, byName);
  }
  let prototype = byName.get(name);
  if (prototype) return prototype;
  const created: object = {};
  prototype = created;
  byName.set(name, created);
  Object.defineProperty(parent, name, {
    enumerable: true,
    get(this: object) {
      const child = Object.create(created) as object;
      contexts.set(child, contexts.get(this) as ResourceContext);
      Object.defineProperty(this, name, { value: child, enumerable: true });
      return child;
    },
  });
  return prototype;
}

/** The one function behind every method: `(…ids, body | query, options)` → a call of `spec`. */
function resourceMethod(spec: MethodSpec) {
  const { input } = spec;
  const idCount = spec.ids.length;
  return function (this: object | undefined, ...args: unknown[]) {
    const context = this === undefined ? undefined : contexts.get(this);
    if (context === undefined) {
      throw new ThredfiError(
        `${spec.name}() must be called on its resource, e.g. client.${spec.name}()`,
      );
    }
    const ids = idCount === 0 ? args : args.slice(0, idCount);
    const given = input === "" ? undefined : args[idCount];
    const options = args[input === "" ? idCount : idCount + 1] as
      | (RequestOptions & { query?: Record<string, unknown> })
      | undefined;
    const body = input === "b" ? given : undefined;
    const query = (input === "q" ? given : spec.queryInOptions ? options?.query : undefined) as
      | Record<string, unknown>
      | undefined;
    if (spec.paged) return listPages(context, spec, ids, query, options);
    let sent: ReturnType<typeof sendResourceCall>;
    try {
      sent = sendResourceCall(context, spec, ids, body, query, options);
    } catch (error) {
      sent = Promise.reject(error);
    }
    return apiPromise(sent, dataOf);
  };
}
