import { compareCodeUnits, deepEqual } from "../lib/compare.js";
import {
  isRecord,
  listOperations,
  type OpenApiDocument,
  type OperationRef,
  operationLabel,
} from "../lib/openapi-document.js";
import { type Bump, type Direction, SchemaComparer } from "./schema-comparer.js";

export type { Bump } from "./schema-comparer.js";

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
 * Compares two bundled specs the way a user of the generated types feels it. The rule: if code
 * written against the old types can stop compiling, or a request valid before can be refused
 * now, the change is major.
 *
 * - major: an operation, request parameter, response or response field removed; an operationId
 *   renamed (`operations["old_id"]` disappears); a field or parameter retyped; a new required
 *   request field or parameter; an optional request field made required or a required response
 *   field made optional; a request field that gains an `enum` or loses enum values, or whose
 *   constraints tighten (`maxLength`, `minLength`, `pattern`, `maximum`…); a response field
 *   that gains enum values or loses its `enum`; a component removed or renamed (its named type
 *   disappears from `@thredfi/types`).
 * - minor: a new operation, response, optional request field or parameter, response field, or
 *   component; enum values a request may send; a response field narrowed to an `enum`.
 * - patch: anything else, e.g. descriptions, summaries, examples, looser request constraints.
 *
 * `$ref`s are followed into components, so a change to a shared schema shows up in every
 * operation (and every response) that uses it; each pair of shared schemas is compared once.
 */
export function diffSpecs(before: OpenApiDocument, after: OpenApiDocument): SpecDiff {
  const beforeOps = operationsByKey(before);
  const afterOps = operationsByKey(after);
  const schemas = new SchemaComparer(before, after);
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
    const oldOp = withPathParameters(before, op);
    const newOp = withPathParameters(after, next);
    const details = new OperationComparer(schemas).compare(oldOp, newOp);
    if (details.length === 0 && !schemas.equivalent(oldOp, newOp, true)) {
      details.push({
        bump: "patch",
        text: "documentation (descriptions, summaries, examples) changed",
      });
    }
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

/** The changes of one operation: its id, parameters, request body and responses. */
class OperationComparer {
  private readonly details: { bump: Bump; text: string }[] = [];

  constructor(private readonly schemas: SchemaComparer) {}

  compare(
    oldOp: Record<string, unknown>,
    newOp: Record<string, unknown>,
  ): { bump: Bump; text: string }[] {
    if (oldOp.operationId !== newOp.operationId) {
      this.note(
        "major",
        `operationId renamed from ${String(oldOp.operationId)} to ${String(newOp.operationId)}`,
      );
    }
    this.compareParameters(oldOp.parameters, newOp.parameters);
    this.compareRequestBody(oldOp.requestBody, newOp.requestBody);
    this.compareResponses(oldOp.responses, newOp.responses);
    return this.details;
  }

  private compareParameters(oldList: unknown, newList: unknown): void {
    const oldParams = this.parameterMap(oldList, "before");
    const newParams = this.parameterMap(newList, "after");
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

  private parameterMap(
    list: unknown,
    side: "before" | "after",
  ): Map<string, Record<string, unknown>> {
    const params = new Map<string, Record<string, unknown>>();
    if (!Array.isArray(list)) return params;
    for (const item of list) {
      const param = this.schemas.deref(item, side);
      if (isRecord(param)) params.set(`${String(param.in)} ${String(param.name)}`, param);
    }
    return params;
  }

  private compareRequestBody(oldRef: unknown, newRef: unknown): void {
    const oldBody = this.schemas.deref(oldRef, "before");
    const newBody = this.schemas.deref(newRef, "after");
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
      const oldResponse = this.schemas.deref(oldResponses[status], "before");
      const newResponse = this.schemas.deref(response, "after");
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

  private compareSchemas(oldRef: unknown, newRef: unknown, direction: Direction, where: string) {
    for (const change of this.schemas.compare(oldRef, newRef, direction)) {
      this.note(change.bump, `${where}${change.at}: ${change.text}`);
    }
  }

  private note(bump: Bump, text: string): void {
    this.details.push({ bump, text });
  }
}
