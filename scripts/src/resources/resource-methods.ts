import { isRecord, listOperations, type OpenApiDocument } from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import {
  BUSINESS_PREFIX,
  camelCase,
  type MethodName,
  type NamedOperationInput,
  nameOperations,
  PARTNER_PREFIX,
  type ResourceTree,
} from "./naming-rule.js";

/** Where the docs pages named by `x-thredfi-source` live. */
export const DOCS_ORIGIN = "https://docs.thredfi.com";

/** Names the rule cannot decide, by operationId (specs/resource-names.yaml). */
export interface ResourceNameMapping {
  [operationId: string]:
    | { name: string; tree?: ResourceTree | undefined; why?: string | undefined }
    | { handWritten: string; why?: string | undefined };
}

/** One generated method: where it lives, what it sends, what its TSDoc says. */
export interface ResourceMethod {
  operationId: string;
  tree: ResourceTree;
  /** Resource names, then the method name. */
  name: string[];
  /** Upper case. */
  method: string;
  /** The full path template. */
  path: string;
  /** The path below the tree's prefix, e.g. `invoices/{invoice_id}/void/`. */
  suffix: string;
  /** The path parameters the caller passes, in order (the business's own id excluded). */
  pathParams: string[];
  /** `body` (POST, PUT, PATCH with a request body), `query` (query parameters), or none. */
  input: "body" | "query" | undefined;
  inputRequired: boolean;
  /** A body operation that also takes query parameters: they go in the options' `query`. */
  queryInOptions: boolean;
  /** Its GET answers a page of `results`: `list()` returns a page promise. */
  paged: boolean;
  /** The 2xx statuses, e.g. `[200, 201]`. */
  successStatuses: number[];
  summary: string;
  docsUrl: string | undefined;
  /** `field: unit` lines for the TSDoc. */
  units: string[];
}

/** An operation served by a method written by hand (e.g. `thredfi.tokens.partner()`). */
export interface HandWrittenMethod {
  operationId: string;
  method: string;
  path: string;
  /** Dotted, on the partner client, e.g. `tokens.partner`. */
  name: string;
}

/** Every operation of the spec, named. */
export interface ResourceMethods {
  methods: ResourceMethod[];
  handWritten: HandWrittenMethod[];
}

/** Names of the clients' own members, which no resource or method may take. */
export const RESERVED_NAMES: Record<ResourceTree, readonly string[]> = {
  partner: ["partner", "business", "tokens", "middleware", "then"],
  business: [
    "request",
    "GET",
    "PUT",
    "POST",
    "DELETE",
    "OPTIONS",
    "HEAD",
    "PATCH",
    "TRACE",
    "use",
    "eject",
    "then",
  ],
};

const BODY_METHODS = new Set(["post", "put", "patch"]);

/**
 * Names every operation of `bundle` by the rule (with `mapping` where it cannot decide, or
 * overrides it) and describes each method. Throws a {@link SpecError} listing every operation
 * left without a name, every name given twice, and every mapping entry for an operation the
 * spec does not have.
 */
export function resourceMethods(
  bundle: OpenApiDocument,
  mapping: ResourceNameMapping = {},
): ResourceMethods {
  const refs = listOperations(bundle).filter(
    (ref) => typeof ref.operation.operationId === "string",
  );
  const inputs: NamedOperationInput[] = refs.map((ref) => ({
    operationId: ref.operation.operationId as string,
    method: ref.method,
    path: ref.path,
    ...answerShape(bundle, ref.operation),
  }));
  const answers = nameOperations(inputs);
  const problems: string[] = [];
  const methods: ResourceMethod[] = [];
  const handWritten: HandWrittenMethod[] = [];
  const known = new Set(inputs.map((input) => input.operationId));
  for (const operationId of Object.keys(mapping)) {
    if (!known.has(operationId)) {
      problems.push(`specs/resource-names.yaml names ${operationId}, which the spec does not have`);
    }
  }
  for (const ref of refs) {
    const operationId = ref.operation.operationId as string;
    const label = `${operationId} (${ref.method.toUpperCase()} ${ref.path})`;
    const mapped = mapping[operationId];
    if (mapped && "handWritten" in mapped) {
      handWritten.push({
        operationId,
        method: ref.method.toUpperCase(),
        path: ref.path,
        name: mapped.handWritten,
      });
      continue;
    }
    let named: MethodName;
    if (mapped) {
      named = {
        tree: mapped.tree ?? treeOf(ref.path),
        name: mapped.name.split("."),
      };
    } else {
      const answer = answers.get(operationId) as NonNullable<ReturnType<typeof answers.get>>;
      if ("undecided" in answer) {
        problems.push(
          `${label} has no method: the naming rule cannot decide (${answer.undecided}); name it in specs/resource-names.yaml`,
        );
        continue;
      }
      named = answer;
    }
    methods.push(describeMethod(bundle, ref.path, ref.method, ref.operation, named));
  }
  problems.push(...nameClashes(methods, handWritten));
  if (problems.length > 0) {
    throw new SpecError(`Resource methods:\n  ${problems.join("\n  ")}`);
  }
  return { methods, handWritten };
}

function treeOf(path: string): ResourceTree {
  return path.startsWith(BUSINESS_PREFIX) && path.length > BUSINESS_PREFIX.length
    ? "business"
    : "partner";
}

/** Two methods of one name, a method named like a resource, or a name the client itself holds. */
function nameClashes(methods: ResourceMethod[], handWritten: HandWrittenMethod[]): string[] {
  const problems: string[] = [];
  for (const tree of ["partner", "business"] as const) {
    const owners = new Map<string, string>();
    const resources = new Set<string>();
    const inTree = methods.filter((method) => method.tree === tree);
    for (const method of inTree) {
      for (let depth = 1; depth < method.name.length; depth++) {
        resources.add(method.name.slice(0, depth).join("."));
      }
    }
    const named = [
      ...inTree.map((method) => ({ name: method.name.join("."), operationId: method.operationId })),
      ...(tree === "partner"
        ? handWritten.map((method) => ({ name: method.name, operationId: method.operationId }))
        : []),
    ];
    for (const { name, operationId } of named) {
      const owner = owners.get(name);
      if (owner !== undefined) {
        problems.push(`${owner} and ${operationId} are both ${tree} method ${name}`);
      }
      owners.set(name, operationId);
      if (resources.has(name)) {
        problems.push(`${operationId}: ${tree} method ${name} is also the name of a resource`);
      }
    }
    for (const method of inTree) {
      const [first = ""] = method.name;
      if (
        RESERVED_NAMES[tree].includes(first) ||
        first === "constructor" ||
        first.startsWith("__")
      ) {
        problems.push(
          `${method.operationId}: ${tree} name ${method.name.join(".")} starts with "${first}", which the client itself holds`,
        );
      }
    }
  }
  return problems;
}

function describeMethod(
  bundle: OpenApiDocument,
  path: string,
  method: string,
  operation: Record<string, unknown>,
  named: MethodName,
): ResourceMethod {
  const prefix = named.tree === "business" ? BUSINESS_PREFIX : PARTNER_PREFIX;
  const suffix = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  const pathParams = [...suffix.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const parameters = parametersOf(bundle, path, operation);
  const query = parameters.filter((parameter) => parameter.in === "query");
  const body = jsonBodyOf(bundle, operation);
  const takesBody = BODY_METHODS.has(method) && body !== undefined;
  const shape = answerShape(bundle, operation);
  const successStatuses = Object.keys(isRecord(operation.responses) ? operation.responses : {})
    .filter((status) => /^2\d\d$/.test(status))
    .map(Number);
  const source = operation["x-thredfi-source"];
  const externalDocs = isRecord(operation.externalDocs) ? operation.externalDocs.url : undefined;
  return {
    operationId: operation.operationId as string,
    tree: named.tree,
    name: named.name,
    method: method.toUpperCase(),
    path,
    suffix,
    pathParams,
    input: takesBody ? "body" : query.length > 0 ? "query" : undefined,
    inputRequired: takesBody
      ? body.required
      : query.some((parameter) => parameter.required === true),
    queryInOptions: takesBody && query.length > 0,
    paged: method === "get" && shape.answersPage,
    successStatuses: successStatuses.length > 0 ? successStatuses : [200],
    summary: String(operation.summary ?? operation.operationId),
    docsUrl:
      typeof source === "string" && source.startsWith("/")
        ? `${DOCS_ORIGIN}${source}`
        : typeof externalDocs === "string"
          ? externalDocs
          : undefined,
    units: unitsOf(
      bundle,
      takesBody ? body.schema : undefined,
      query,
      shape.answersPage ? shape.pageItem : shape.answer,
    ),
  };
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}

function parametersOf(
  bundle: OpenApiDocument,
  path: string,
  operation: Record<string, unknown>,
): Parameter[] {
  const paths = isRecord(bundle.paths) ? bundle.paths : {};
  const pathItem = isRecord(paths[path]) ? paths[path] : {};
  const all = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ].map((parameter) => resolve(bundle, parameter));
  return all.filter(
    (parameter): parameter is Parameter =>
      isRecord(parameter) && typeof parameter.name === "string" && typeof parameter.in === "string",
  );
}

function jsonBodyOf(
  bundle: OpenApiDocument,
  operation: Record<string, unknown>,
): { schema: unknown; required: boolean } | undefined {
  const body = resolve(bundle, operation.requestBody);
  if (!isRecord(body) || !isRecord(body.content)) return undefined;
  const media = body.content["application/json"] ?? Object.values(body.content)[0];
  return {
    schema: isRecord(media) ? media.schema : undefined,
    required: body.required === true,
  };
}

/** What the rule and the runtime read of an operation's 2xx answer. */
function answerShape(bundle: OpenApiDocument, operation: Record<string, unknown>) {
  const responses = isRecord(operation.responses) ? operation.responses : {};
  const statuses = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
  const first = statuses[0] === undefined ? undefined : resolve(bundle, responses[statuses[0]]);
  const content = isRecord(first) && isRecord(first.content) ? first.content : {};
  const media = content["application/json"] ?? Object.values(content)[0];
  const answer = resolveSchema(bundle, isRecord(media) ? media.schema : undefined);
  const results = answer ? resolveSchema(bundle, propertiesOf(bundle, answer).results) : undefined;
  return {
    answer,
    answersPage: results?.type === "array" || (results !== undefined && "items" in results),
    pageItem: results ? resolveSchema(bundle, results.items) : undefined,
    answersCreated: statuses.includes("201"),
  };
}

/** `#/components/…` references followed to what they name. */
function resolve(bundle: OpenApiDocument, value: unknown, depth = 0): unknown {
  if (!isRecord(value) || typeof value.$ref !== "string" || depth > 20) return value;
  const ref = value.$ref;
  if (!ref.startsWith("#/")) return value;
  let target: unknown = bundle;
  for (const key of ref.slice(2).split("/")) {
    const name = key.replaceAll("~1", "/").replaceAll("~0", "~");
    target = isRecord(target) ? target[name] : undefined;
  }
  return resolve(bundle, target, depth + 1);
}

function resolveSchema(
  bundle: OpenApiDocument,
  schema: unknown,
): Record<string, unknown> | undefined {
  const resolved = resolve(bundle, schema);
  return isRecord(resolved) ? resolved : undefined;
}

/** A schema's properties, `allOf` parts included. */
function propertiesOf(bundle: OpenApiDocument, schema: Record<string, unknown>) {
  const properties: Record<string, unknown> = {};
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const resolved = resolveSchema(bundle, part);
    if (resolved) Object.assign(properties, propertiesOf(bundle, resolved));
  }
  if (isRecord(schema.properties)) Object.assign(properties, schema.properties);
  return properties;
}

/**
 * The units of what a method sends and answers, for its TSDoc: request fields (the body's,
 * one level into objects and arrays, and the query's) with a unit or a date format, and the
 * answer's amounts and durations.
 */
function unitsOf(
  bundle: OpenApiDocument,
  body: unknown,
  query: readonly Parameter[],
  answer: Record<string, unknown> | undefined,
): string[] {
  const lines = new Map<string, string>();
  const visit = (schema: unknown, prefix: string, depth: number, sent: boolean) => {
    const resolved = resolveSchema(bundle, schema);
    if (!resolved || depth > 1) return;
    for (const [name, property] of Object.entries(propertiesOf(bundle, resolved))) {
      const field = resolveSchema(bundle, property) ?? {};
      const unit = unitOf(name, field, sent);
      if (unit) lines.set(`${prefix}${name}`, unit);
      if (field.type === "array") visit(field.items, `${prefix}${name}[].`, depth + 1, sent);
      else if (isRecord(field.properties)) visit(field, `${prefix}${name}.`, depth + 1, sent);
    }
  };
  visit(body, "", 0, true);
  for (const parameter of query) {
    const unit = unitOf(parameter.name, resolveSchema(bundle, parameter.schema) ?? {}, true);
    if (unit) lines.set(parameter.name, unit);
  }
  if (answer) visit(answer, "", 0, false);
  return [...lines].map(([field, unit]) => `\`${field}\`: ${unit}`);
}

function unitOf(name: string, schema: Record<string, unknown>, sent: boolean): string | undefined {
  if (/_cents$/.test(name)) return "integer amount in cents (the currency's minor unit)";
  if (/_days$/.test(name)) return "days";
  if (/(_seconds|_secs|^expires_in)$/.test(name)) return "seconds";
  if (/_ms$/.test(name)) return "milliseconds";
  if (/_(percent|percentage)$/.test(name)) return "percent";
  if (!sent) return undefined;
  if (schema.format === "date-time") return "ISO 8601 date-time, e.g. `2026-03-02T09:05:00Z`";
  if (schema.format === "date") return "date, `YYYY-MM-DD`";
  if (name === "currency" || /_currency$/.test(name)) return "ISO 4217 code, e.g. `GBP`";
  return undefined;
}

/** `invoice_id` → `invoiceId`: a path parameter as a TypeScript parameter name. */
export function parameterName(name: string): string {
  const camel = camelCase(name);
  return /^[A-Za-z_$][\w$]*$/.test(camel) ? camel : `param${camel.replace(/\W/g, "")}`;
}
