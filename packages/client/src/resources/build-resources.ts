import { ThredfiError } from "@thredfi/auth";
import type { CallScope } from "../call.js";
import type { ClientCore } from "../path-client.js";
import { ResourcePromise } from "./api-promise.js";
import { BUSINESS_METHODS, PARTNER_METHODS } from "./generated/methods.js";
import type { BusinessResources, PartnerResources } from "./generated/types.js";
import { listPages } from "./pages.js";
import { dataOf, type MethodSpec, type ResourceContext, sendResourceCall } from "./send-call.js";
import type { RequestOptions } from "./types.js";

const PARTNER_PREFIX = "/v1/platform/";
const BUSINESS_PREFIX = "/v1/platform/businesses/{business_id}/";

/** The prototypes of one client's two resource trees, each built on its first use. */
export interface ResourceTrees {
  partner(): object;
  business(): object;
}

/** A client's resource trees: the tables read once per client, never per call. */
export function createResourceTrees(): ResourceTrees {
  let partner: object | undefined;
  let business: object | undefined;
  return {
    partner: () => {
      partner ??= resourcePrototypes(PARTNER_METHODS, PARTNER_PREFIX);
      return partner;
    },
    business: () => {
      business ??= resourcePrototypes(BUSINESS_METHODS, BUSINESS_PREFIX);
      return business;
    },
  };
}

/**
 * `client` with the partner resources (`thredfi.businesses.list()`, …) beside its own members,
 * sending with the partner token of `scope`.
 */
export function withPartnerResources<Client extends object>(
  client: Client,
  core: ClientCore,
  scope: CallScope,
): Client & PartnerResources {
  const base = `${core.config.connection.baseUrl}${PARTNER_PREFIX}`;
  return withResources(core.trees.partner(), client, { core, scope, base }) as Client &
    PartnerResources;
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
  const base = `${core.config.connection.baseUrl}/v1/platform/businesses/${encodeURIComponent(scope.businessId)}/`;
  return withResources(core.trees.business(), client, { core, scope, base }) as Client &
    BusinessResources;
}

function withResources(root: object, client: object, context: ResourceContext): object {
  return new ResourceNode(Object.assign(Object.create(root) as object, client), context);
}

/** A base whose constructor hands back the object it is given, for a subclass to stamp. */
class Stamped {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: adopts an object built with its own prototype.
    return target;
  }
}

/**
 * Stamps a resource object with its context in a private field: `util.inspect` and
 * `JSON.stringify` of a client never reach the configuration and its API key.
 */
class ResourceNode extends Stamped {
  readonly #context: ResourceContext;

  constructor(target: object, context: ResourceContext) {
    super(target);
    this.#context = context;
  }

  /** The context of `node`, or `undefined` for anything that is not a resource object. */
  static contextOf(node: unknown): ResourceContext | undefined {
    return typeof node === "object" && node !== null && #context in node
      ? (node as ResourceNode).#context
      : undefined;
  }
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
      const context = ResourceNode.contextOf(this) as ResourceContext;
      const child = new ResourceNode(Object.create(created) as object, context);
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
    const context = ResourceNode.contextOf(this);
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
    return new ResourcePromise(sent, dataOf);
  };
}
