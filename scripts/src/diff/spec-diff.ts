import { compareCodeUnits, deepEqual } from "../lib/compare.js";
import {
  isRecord,
  listOperations,
  type OpenApiDocument,
  type OperationRef,
  operationLabel,
} from "../lib/openapi-document.js";

/** How far a spec change moves the package versions, semver-style. */
export type Bump = "major" | "minor" | "patch";

/** One operation present in both specs whose definition changed. */
export interface ChangedOperation {
  /** `operationId (METHOD /path)`. */
  operation: string;
  bump: Bump;
  /** What changed, each with its own bump, e.g. `response 200 application/json: field scope removed`. */
  details: { bump: Bump; text: string }[];
}

/** What changed between two bundled specs, and the version bump it calls for. */
export interface SpecDiff {
  added: string[];
  removed: string[];
  changed: ChangedOperation[];
  /**
   * Components that gained or lost the named type `@thredfi/types` exports for them
   * (`schemas.Business` → `Business`, `parameters.BusinessId` → `ParameterBusinessId`).
   */
  addedComponents: string[];
  removedComponents: string[];
  /** Undefined when the specs are equal. */
  bump: Bump | undefined;
}

/**
 * Compares two bundled specs the way a user of the generated types feels it:
 *
 * - major: an operation, request parameter, response or response field removed; a field or
 *   parameter retyped; a new required request field or parameter; an optional request field
 *   made required or a required response field made optional; a component removed or renamed
 *   (its named type disappears from `@thredfi/types`).
 * - minor: a new operation, response, optional request field or parameter, response field, or
 *   component.
 * - patch: anything else, e.g. descriptions, summaries and examples.
 *
 * `$ref`s are followed into components, so a change to a shared schema shows up in every
 * operation that uses it.
 */
export function diffSpecs(before: OpenApiDocument, after: OpenApiDocument): SpecDiff {
  const beforeOps = operationsByKey(before);
  const afterOps = operationsByKey(after);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: ChangedOperation[] = [];
  for (const [key, op] of afterOps) if (!beforeOps.has(key)) added.push(describe(op));
  for (const [key, op] of beforeOps) {
    const next = afterOps.get(key);
    if (next === undefined) {
      removed.push(describe(op));
      continue;
    }
    const details = new OperationComparer(before, after).compare(
      withPathParameters(before, op),
      withPathParameters(after, next),
    );
    if (details.length > 0) {
      changed.push({
        operation: describe(next),
        bump: highest(details.map((d) => d.bump)),
        details,
      });
    }
  }
  const beforeComponents = exportedComponents(before);
  const afterComponents = exportedComponents(after);
  const addedComponents = afterComponents.filter((name) => !beforeComponents.includes(name));
  const removedComponents = beforeComponents.filter((name) => !afterComponents.includes(name));
  const bumps: Bump[] = [
    ...(removed.length + removedComponents.length > 0 ? (["major"] as const) : []),
    ...(added.length + addedComponents.length > 0 ? (["minor"] as const) : []),
    ...changed.map((change) => change.bump),
    ...(deepEqual(before, after) ? [] : (["patch"] as const)),
  ];
  return {
    added: added.sort(compareCodeUnits),
    removed: removed.sort(compareCodeUnits),
    changed: changed.sort((a, b) => compareCodeUnits(a.operation, b.operation)),
    addedComponents,
    removedComponents,
    bump: bumps.length > 0 ? highest(bumps) : undefined,
  };
}

/** Sections of `components` whose entries openapi-typescript exports as named root types. */
const EXPORTED_SECTIONS = [
  "schemas",
  "responses",
  "parameters",
  "requestBodies",
  "headers",
  "pathItems",
] as const;

/** `section.name` of every component that becomes a named type, sorted. */
function exportedComponents(doc: OpenApiDocument): string[] {
  const components = isRecord(doc.components) ? doc.components : {};
  const names: string[] = [];
  for (const section of EXPORTED_SECTIONS) {
    const entries = components[section];
    if (isRecord(entries))
      for (const name of Object.keys(entries)) names.push(`${section}.${name}`);
  }
  return names.sort(compareCodeUnits);
}

const BUMP_ORDER: Bump[] = ["patch", "minor", "major"];

function highest(bumps: Bump[]): Bump {
  return bumps.reduce((a, b) => (BUMP_ORDER.indexOf(b) > BUMP_ORDER.indexOf(a) ? b : a), "patch");
}

function operationsByKey(doc: OpenApiDocument): Map<string, OperationRef> {
  return new Map(listOperations(doc).map((op) => [`${op.method} ${op.path}`, op]));
}

/** The operation with its path item's parameters prepended (its own override them by key). */
function withPathParameters(doc: OpenApiDocument, op: OperationRef): Record<string, unknown> {
  const paths = isRecord(doc.paths) ? doc.paths : {};
  const pathItem = paths[op.path];
  const shared =
    isRecord(pathItem) && Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
  if (shared.length === 0) return op.operation;
  const own = Array.isArray(op.operation.parameters) ? op.operation.parameters : [];
  return { ...op.operation, parameters: [...shared, ...own] };
}

function describe(op: OperationRef): string {
  const id = op.operation.operationId;
  return typeof id === "string" ? `${id} (${operationLabel(op)})` : operationLabel(op);
}

/** Which side of the wire a schema describes: what the caller sends, or what it receives. */
type Direction = "request" | "response";

class OperationComparer {
  private readonly details: { bump: Bump; text: string }[] = [];
  private readonly comparing = new Set<string>();

  constructor(
    private readonly before: OpenApiDocument,
    private readonly after: OpenApiDocument,
  ) {}

  compare(
    oldOp: Record<string, unknown>,
    newOp: Record<string, unknown>,
  ): { bump: Bump; text: string }[] {
    this.compareParameters(oldOp.parameters, newOp.parameters);
    this.compareRequestBody(oldOp.requestBody, newOp.requestBody);
    this.compareResponses(oldOp.responses, newOp.responses);
    if (
      this.details.length === 0 &&
      !deepEqual(inlineRefs(oldOp, this.before), inlineRefs(newOp, this.after))
    ) {
      this.note("patch", "documentation (descriptions, summaries, examples) changed");
    }
    return this.details;
  }

  private compareParameters(oldList: unknown, newList: unknown): void {
    const oldParams = this.parameterMap(oldList, this.before);
    const newParams = this.parameterMap(newList, this.after);
    for (const [key, param] of newParams) {
      const old = oldParams.get(key);
      if (old === undefined) {
        this.note(
          param.required === true ? "major" : "minor",
          `parameter ${key} added${param.required === true ? " (required)" : ""}`,
        );
        continue;
      }
      if (old.required !== true && param.required === true)
        this.note("major", `parameter ${key} made required`);
      if (old.required === true && param.required !== true)
        this.note("minor", `parameter ${key} made optional`);
      this.compareSchemas(old.schema, param.schema, "request", `parameter ${key}`);
    }
    for (const key of oldParams.keys()) {
      if (!newParams.has(key)) this.note("major", `parameter ${key} removed`);
    }
  }

  private parameterMap(list: unknown, doc: OpenApiDocument): Map<string, Record<string, unknown>> {
    const params = new Map<string, Record<string, unknown>>();
    if (!Array.isArray(list)) return params;
    for (const item of list) {
      const param = this.deref(item, doc);
      if (isRecord(param)) params.set(`${String(param.in)} ${String(param.name)}`, param);
    }
    return params;
  }

  private compareRequestBody(oldRef: unknown, newRef: unknown): void {
    const oldBody = this.deref(oldRef, this.before);
    const newBody = this.deref(newRef, this.after);
    if (!isRecord(oldBody) && !isRecord(newBody)) return;
    if (!isRecord(oldBody)) {
      const required = isRecord(newBody) && newBody.required === true;
      this.note(required ? "major" : "minor", `request body added${required ? " (required)" : ""}`);
      return;
    }
    if (!isRecord(newBody)) {
      this.note("major", "request body removed");
      return;
    }
    if (oldBody.required !== true && newBody.required === true)
      this.note("major", "request body made required");
    this.compareContent(oldBody.content, newBody.content, "request", "request body");
  }

  private compareResponses(oldRef: unknown, newRef: unknown): void {
    const oldResponses = isRecord(oldRef) ? oldRef : {};
    const newResponses = isRecord(newRef) ? newRef : {};
    for (const [status, response] of Object.entries(newResponses)) {
      if (!(status in oldResponses)) {
        this.note("minor", `response ${status} added`);
        continue;
      }
      const oldResponse = this.deref(oldResponses[status], this.before);
      const newResponse = this.deref(response, this.after);
      if (isRecord(oldResponse) && isRecord(newResponse)) {
        this.compareContent(
          oldResponse.content,
          newResponse.content,
          "response",
          `response ${status}`,
        );
      }
    }
    for (const status of Object.keys(oldResponses)) {
      if (!(status in newResponses)) this.note("major", `response ${status} removed`);
    }
  }

  private compareContent(
    oldRef: unknown,
    newRef: unknown,
    direction: Direction,
    where: string,
  ): void {
    const oldContent = isRecord(oldRef) ? oldRef : {};
    const newContent = isRecord(newRef) ? newRef : {};
    for (const [mediaType, media] of Object.entries(newContent)) {
      const old = oldContent[mediaType];
      if (old === undefined) {
        this.note("minor", `${where} ${mediaType} added`);
      } else if (isRecord(old) && isRecord(media)) {
        this.compareSchemas(old.schema, media.schema, direction, `${where} ${mediaType}`);
      }
    }
    for (const mediaType of Object.keys(oldContent)) {
      if (!(mediaType in newContent)) this.note("major", `${where} ${mediaType} removed`);
    }
  }

  private compareSchemas(
    oldRef: unknown,
    newRef: unknown,
    direction: Direction,
    where: string,
  ): void {
    // Each pair of referenced schemas is compared once per direction: this ends recursion
    // through self-referencing schemas.
    const oldName = refOf(oldRef);
    const newName = refOf(newRef);
    if (oldName !== undefined && newName !== undefined) {
      const pairKey = `${direction}|${oldName}|${newName}`;
      if (this.comparing.has(pairKey)) return;
      this.comparing.add(pairKey);
    }
    const oldSchema = flattenAllOf(this.deref(oldRef, this.before), (s) =>
      this.deref(s, this.before),
    );
    const newSchema = flattenAllOf(this.deref(newRef, this.after), (s) =>
      this.deref(s, this.after),
    );
    if (oldSchema === undefined || newSchema === undefined) {
      if (oldSchema !== newSchema)
        this.note("major", `${where}: schema ${oldSchema ? "removed" : "added"}`);
      return;
    }
    if (!deepEqual(typeSignature(oldSchema), typeSignature(newSchema))) {
      this.note("major", `${where}: type changed`);
      return;
    }
    this.compareEnums(oldSchema.enum, newSchema.enum, direction, where);
    if (oldSchema.items !== undefined || newSchema.items !== undefined) {
      this.compareSchemas(oldSchema.items, newSchema.items, direction, `${where}[]`);
    }
    this.compareProperties(oldSchema, newSchema, direction, where);
    for (const key of ["oneOf", "anyOf", "not", "additionalProperties"] as const) {
      if (
        !deepEqual(
          this.structure(oldSchema[key], this.before),
          this.structure(newSchema[key], this.after),
        )
      ) {
        this.note("major", `${where}: ${key} changed`);
      }
    }
  }

  private compareProperties(
    oldSchema: Record<string, unknown>,
    newSchema: Record<string, unknown>,
    direction: Direction,
    where: string,
  ): void {
    const oldProps = isRecord(oldSchema.properties) ? oldSchema.properties : {};
    const newProps = isRecord(newSchema.properties) ? newSchema.properties : {};
    const oldRequired = requiredSet(oldSchema);
    const newRequired = requiredSet(newSchema);
    for (const [name, schema] of Object.entries(newProps)) {
      const field = `${where}: field ${name}`;
      if (!(name in oldProps)) {
        const required = newRequired.has(name);
        const bump = direction === "request" && required ? "major" : "minor";
        this.note(bump, `${field} added${required ? " (required)" : ""}`);
        continue;
      }
      if (!oldRequired.has(name) && newRequired.has(name)) {
        this.note(direction === "request" ? "major" : "minor", `${field} made required`);
      }
      if (oldRequired.has(name) && !newRequired.has(name)) {
        this.note(direction === "request" ? "minor" : "major", `${field} made optional`);
      }
      this.compareSchemas(oldProps[name], schema, direction, `${where}.${name}`);
    }
    for (const name of Object.keys(oldProps)) {
      if (!(name in newProps)) this.note("major", `${where}: field ${name} removed`);
    }
  }

  private compareEnums(
    oldEnum: unknown,
    newEnum: unknown,
    direction: Direction,
    where: string,
  ): void {
    if (!Array.isArray(oldEnum) || !Array.isArray(newEnum)) return;
    const addedValues = newEnum.filter((value) => !oldEnum.some((old) => deepEqual(old, value)));
    const removedValues = oldEnum.filter(
      (value) => !newEnum.some((next) => deepEqual(next, value)),
    );
    // A caller may send fewer values safely, and must handle every value it may receive.
    if (removedValues.length > 0) {
      this.note(
        direction === "request" ? "major" : "minor",
        `${where}: enum values ${removedValues.join(", ")} removed`,
      );
    }
    if (addedValues.length > 0) {
      this.note(
        direction === "request" ? "minor" : "major",
        `${where}: enum values ${addedValues.join(", ")} added`,
      );
    }
  }

  /** A schema with `$ref`s inlined and documentation dropped, for structural comparison. */
  private structure(value: unknown, doc: OpenApiDocument, depth = 0): unknown {
    if (depth > 20) return "…";
    const resolved = this.deref(value, doc);
    if (Array.isArray(resolved))
      return resolved.map((item) => this.structure(item, doc, depth + 1));
    if (!isRecord(resolved)) return resolved;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(resolved)) {
      if (!DOCUMENTATION_KEYS.has(key)) result[key] = this.structure(child, doc, depth + 1);
    }
    return result;
  }

  private deref(value: unknown, doc: OpenApiDocument): unknown {
    let current = value;
    for (let hops = 0; hops < 32 && isRecord(current) && typeof current.$ref === "string"; hops++) {
      current = resolvePointer(doc, current.$ref);
    }
    return current;
  }

  private note(bump: Bump, text: string): void {
    this.details.push({ bump, text });
  }
}

const DOCUMENTATION_KEYS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
]);
const TYPE_KEYS = ["type", "format", "nullable"] as const;

function typeSignature(schema: Record<string, unknown>): Record<string, unknown> {
  const signature: Record<string, unknown> = {};
  for (const key of TYPE_KEYS) if (schema[key] !== undefined) signature[key] = schema[key];
  return signature;
}

function requiredSet(schema: Record<string, unknown>): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

function refOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.$ref === "string" ? value.$ref : undefined;
}

/** A schema whose `allOf` members are merged into one object schema (properties and required). */
function flattenAllOf(
  value: unknown,
  deref: (schema: unknown) => unknown,
): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  if (!Array.isArray(value.allOf)) return value;
  const { allOf, ...rest } = value;
  const merged: Record<string, unknown> = { ...rest };
  const properties: Record<string, unknown> = isRecord(rest.properties)
    ? { ...rest.properties }
    : {};
  const required = new Set(Array.isArray(rest.required) ? rest.required.map(String) : []);
  for (const member of allOf) {
    const part = flattenAllOf(deref(member), deref);
    if (part === undefined) continue;
    if (isRecord(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) for (const name of part.required) required.add(String(name));
    for (const key of TYPE_KEYS)
      if (part[key] !== undefined && merged[key] === undefined) merged[key] = part[key];
  }
  merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

/** `value` with every internal `$ref` replaced by its target (a cycle keeps its `$ref`). */
function inlineRefs(
  value: unknown,
  doc: OpenApiDocument,
  seen: ReadonlySet<string> = new Set(),
): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineRefs(item, doc, seen));
  if (!isRecord(value)) return value;
  const ref = value.$ref;
  if (typeof ref === "string") {
    return seen.has(ref)
      ? value
      : inlineRefs(resolvePointer(doc, ref), doc, new Set([...seen, ref]));
  }
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) result[key] = inlineRefs(child, doc, seen);
  return result;
}

function resolvePointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let current: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const part = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    current = isRecord(current) ? current[part] : undefined;
  }
  return current;
}
