/**
 * The naming rule of the resource methods (written down in packages/client/README.md,
 * "Resource names"): which method of which client each operation of the spec becomes.
 */

/** Paths under this prefix (and below the business itself) belong to the business client. */
export const BUSINESS_PREFIX = "/v1/platform/businesses/{business_id}/";
/** Every other path under this prefix belongs to the partner client. */
export const PARTNER_PREFIX = "/v1/platform/";

/** What the rule reads of one operation. */
export interface NamedOperationInput {
  operationId: string;
  /** Lower case, as in the spec. */
  method: string;
  path: string;
  /** Its 2xx JSON answer is a page: an object with a `results` array. */
  answersPage?: boolean;
  /** It answers 201 Created. */
  answersCreated?: boolean;
}

/** The client a method is generated on. */
export type ResourceTree = "partner" | "business";

/** Where an operation's method lives: its tree and its dotted name, e.g. `invoices.payments.create`. */
export interface MethodName {
  tree: ResourceTree;
  /** The resource names, then the method name. */
  name: string[];
}

/** The rule's answer for one operation: its method, or why the rule cannot decide. */
export type RuleAnswer = MethodName | { undecided: string };

const ITEM_METHODS: Record<string, string> = {
  get: "retrieve",
  patch: "update",
  put: "update",
  delete: "del",
};
const COLLECTION_METHODS: Record<string, string> = { get: "list", post: "create" };

/**
 * Names every operation of `operations` by the rule; `operations` is the whole spec, which the
 * rule reads to tell a collection from a single segment.
 *
 * - Business paths (below `/v1/platform/businesses/{business_id}/`) belong to the business
 *   client, every other path below `/v1/platform/` to the partner client.
 * - Each static segment after that prefix is a nested resource, in camelCase; path parameters
 *   are the method's positional arguments.
 * - A path ending in a parameter is an item: GET `retrieve`, PATCH or PUT `update`, DELETE `del`.
 * - A path ending in a static segment is a collection when there are items below it
 *   (`…/segment/{id}/…`), its GET answers a page (or its operationId starts with `list`), or
 *   its POST creates (answers 201, or its operationId starts with `create`): GET `list`, POST
 *   `create`. A GET answering a bare array (a report's rows) is not a list.
 * - Any other final static segment is a method of that name on the resource before it: an
 *   action after an item (`invoices.void(id)`) or a GET of a single thing (`reports.profitAndLoss()`).
 */
export function nameOperations(
  operations: readonly NamedOperationInput[],
): Map<string, RuleAnswer> {
  const answers = new Map<string, RuleAnswer>();
  for (const operation of operations) {
    answers.set(operation.operationId, nameOperation(operation, operations));
  }
  return answers;
}

/** The rule's answer for `operation`, one of `operations`. */
export function nameOperation(
  operation: NamedOperationInput,
  operations: readonly NamedOperationInput[],
): RuleAnswer {
  const { path, method } = operation;
  let tree: ResourceTree;
  let rest: string;
  if (path.startsWith(BUSINESS_PREFIX) && path.length > BUSINESS_PREFIX.length) {
    tree = "business";
    rest = path.slice(BUSINESS_PREFIX.length);
  } else if (path.startsWith(PARTNER_PREFIX)) {
    tree = "partner";
    rest = path.slice(PARTNER_PREFIX.length);
  } else {
    return { undecided: `its path is not below ${PARTNER_PREFIX}` };
  }
  const segments = rest.split("/").filter((segment) => segment !== "");
  if (segments.length === 0) return { undecided: "its path has no segment to name it after" };
  const resources: string[] = [];
  for (const [index, segment] of segments.entries()) {
    if (isParameter(segment)) {
      if (index === 0 || isParameter(segments[index - 1] as string)) {
        return { undecided: "a path parameter does not follow a static segment" };
      }
      continue;
    }
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(segment)) {
      return { undecided: `its segment "${segment}" is no name` };
    }
    if (index < segments.length - 1) resources.push(camelCase(segment));
  }
  const last = segments[segments.length - 1] as string;
  if (isParameter(last)) {
    const name = ITEM_METHODS[method];
    if (name === undefined) return { undecided: `${method.toUpperCase()} of an item` };
    return { tree, name: [...resources, name] };
  }
  const ownPath = path.endsWith("/") ? path : `${path}/`;
  if (isCollection(ownPath, operations)) {
    const name = COLLECTION_METHODS[method];
    if (name === undefined) return { undecided: `${method.toUpperCase()} of a collection` };
    return { tree, name: [...resources, camelCase(last), name] };
  }
  return { tree, name: [...resources, camelCase(last)] };
}

/** Whether the static segment ending `path` (with its trailing slash) names a collection. */
function isCollection(path: string, operations: readonly NamedOperationInput[]): boolean {
  return operations.some((other) => {
    const otherPath = other.path.endsWith("/") ? other.path : `${other.path}/`;
    if (otherPath !== path)
      return (
        otherPath.startsWith(path) &&
        isParameter(otherPath.slice(path.length).split("/")[0] as string)
      );
    if (other.method === "get") {
      return Boolean(other.answersPage) || /^list/i.test(other.operationId);
    }
    if (other.method === "post") {
      return Boolean(other.answersCreated) || /^create/i.test(other.operationId);
    }
    return false;
  });
}

/** `vendor-credits` → `vendorCredits`, `profit_and_loss` → `profitAndLoss`. */
export function camelCase(segment: string): string {
  const [first = "", ...others] = segment.split(/[-_]+/).filter((word) => word !== "");
  return (
    first.charAt(0).toLowerCase() +
    first.slice(1) +
    others.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("")
  );
}

function isParameter(segment: string): boolean {
  return segment.startsWith("{") && segment.endsWith("}");
}
