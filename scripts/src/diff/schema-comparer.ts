import { deepEqual } from "../lib/compare.js";
import { isRecord, type OpenApiDocument } from "../lib/openapi-document.js";
import { resolveLocalPointer } from "../lib/ref-cycles.js";

/** How far a spec change moves the package versions, semver-style. */
export type Bump = "major" | "minor" | "patch";

/** Which side of the wire a schema describes: what the caller sends, or what it receives. */
export type Direction = "request" | "response";

/** One change found inside a schema: `at` is the path below the compared schema (`.name[]`). */
export interface SchemaChange {
  bump: Bump;
  at: string;
  text: string;
  /** How many changes this entry stands for when it summarises the ones not listed (> 1). */
  count?: number;
}

/** Changes listed per schema before the rest are summed up in one entry. */
const LISTED_CHANGES = 20;

/**
 * Compares schemas of two specs, following `$ref`s. Every pair of referenced schemas is
 * compared once per direction and its result reused wherever the pair appears again (other
 * fields, other responses, other operations), so the work is linear in the schemas compared,
 * however often they are shared, and self-references end.
 *
 * The rule: if code written against the old types can stop compiling, or a request valid
 * before can be refused now, the change is major. Types that only gain something are minor;
 * everything else (documentation, looser request constraints) is patch.
 */
export class SchemaComparer {
  private readonly memo = new Map<string, SchemaChange[]>();
  private readonly sameMemo = new Map<string, boolean>();

  constructor(
    private readonly before: OpenApiDocument,
    private readonly after: OpenApiDocument,
  ) {}

  /** The changes between `oldValue` (in the old spec) and `newValue` (in the new). */
  compare(oldValue: unknown, newValue: unknown, direction: Direction): SchemaChange[] {
    const oldRef = refOf(oldValue);
    const newRef = refOf(newValue);
    if (oldRef === undefined || newRef === undefined) {
      return this.compareResolved(oldValue, newValue, direction);
    }
    const key = `${direction}|${oldRef}|${newRef}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    // A pair met again while it is being compared (a self-reference) adds nothing new.
    this.memo.set(key, []);
    const changes = capped(this.compareResolved(oldValue, newValue, direction));
    this.memo.set(key, changes);
    return changes;
  }

  /** `value` with its `$ref` chain followed in the old (`"before"`) or new spec. */
  deref(value: unknown, side: "before" | "after"): unknown {
    const doc = side === "before" ? this.before : this.after;
    let current = value;
    for (let hops = 0; hops < 32 && isRecord(current) && typeof current.$ref === "string"; hops++) {
      current = resolveLocalPointer(doc, current.$ref);
    }
    return current;
  }

  /**
   * True when two values are equal once `$ref`s are followed (whatever the components are
   * called), ignoring documentation unless `withDocumentation`. Each pair of references is
   * compared once.
   */
  equivalent(oldValue: unknown, newValue: unknown, withDocumentation = false): boolean {
    const oldRef = refOf(oldValue);
    const newRef = refOf(newValue);
    const key =
      oldRef !== undefined && newRef !== undefined
        ? `${withDocumentation}|${oldRef}|${newRef}`
        : undefined;
    if (key !== undefined) {
      const known = this.sameMemo.get(key);
      if (known !== undefined) return known;
      this.sameMemo.set(key, true);
    }
    const result = this.equivalentResolved(
      this.deref(oldValue, "before"),
      this.deref(newValue, "after"),
      withDocumentation,
    );
    if (key !== undefined) this.sameMemo.set(key, result);
    return result;
  }

  private equivalentResolved(a: unknown, b: unknown, withDocumentation: boolean): boolean {
    if (Array.isArray(a) || Array.isArray(b)) {
      return (
        Array.isArray(a) &&
        Array.isArray(b) &&
        a.length === b.length &&
        a.every((item, index) => this.equivalent(item, b[index], withDocumentation))
      );
    }
    if (!isRecord(a) || !isRecord(b)) return a === b;
    const kept = (key: string) => withDocumentation || !DOCUMENTATION_KEYS.has(key);
    const aKeys = Object.keys(a).filter(kept);
    const bKeys = Object.keys(b).filter(kept);
    return (
      aKeys.length === bKeys.length &&
      aKeys.every(
        (key) => Object.hasOwn(b, key) && this.equivalent(a[key], b[key], withDocumentation),
      )
    );
  }

  private compareResolved(oldRef: unknown, newRef: unknown, direction: Direction): SchemaChange[] {
    const changes: SchemaChange[] = [];
    const note = (bump: Bump, text: string, at = "") => changes.push({ bump, at, text });
    const nested = (list: SchemaChange[], at: string) => {
      for (const change of list) changes.push({ ...change, at: at + change.at });
    };
    const oldSchema = this.flattenAllOf(this.deref(oldRef, "before"), "before");
    const newSchema = this.flattenAllOf(this.deref(newRef, "after"), "after");
    if (oldSchema === undefined || newSchema === undefined) {
      if (oldSchema !== newSchema) note("major", `schema ${oldSchema ? "removed" : "added"}`);
      return changes;
    }
    if (!deepEqual(typeSignature(oldSchema), typeSignature(newSchema))) {
      note("major", "type changed");
      return changes;
    }
    this.compareEnums(oldSchema.enum, newSchema.enum, direction, note);
    compareConstraints(oldSchema, newSchema, direction, note);
    if (oldSchema.items !== undefined || newSchema.items !== undefined) {
      nested(this.compare(oldSchema.items, newSchema.items, direction), "[]");
    }
    this.compareProperties(oldSchema, newSchema, direction, note, nested);
    for (const key of ["oneOf", "anyOf", "not", "additionalProperties"] as const) {
      if (!this.equivalent(oldSchema[key], newSchema[key])) note("major", `${key} changed`);
    }
    return changes;
  }

  private compareProperties(
    oldSchema: Record<string, unknown>,
    newSchema: Record<string, unknown>,
    direction: Direction,
    note: (bump: Bump, text: string) => void,
    nested: (list: SchemaChange[], at: string) => void,
  ): void {
    const oldProps = isRecord(oldSchema.properties) ? oldSchema.properties : {};
    const newProps = isRecord(newSchema.properties) ? newSchema.properties : {};
    const oldRequired = requiredSet(oldSchema);
    const newRequired = requiredSet(newSchema);
    for (const [name, schema] of Object.entries(newProps)) {
      const field = `field ${name}`;
      if (!(name in oldProps)) {
        const required = newRequired.has(name);
        const bump = direction === "request" && required ? "major" : "minor";
        note(bump, `${field} added${required ? " (required)" : ""}`);
        continue;
      }
      if (!oldRequired.has(name) && newRequired.has(name)) {
        note(direction === "request" ? "major" : "minor", `${field} made required`);
      }
      if (oldRequired.has(name) && !newRequired.has(name)) {
        note(direction === "request" ? "minor" : "major", `${field} made optional`);
      }
      nested(this.compare(oldProps[name], schema, direction), `.${name}`);
    }
    for (const name of Object.keys(oldProps)) {
      if (!(name in newProps)) note("major", `field ${name} removed`);
    }
  }

  private compareEnums(
    oldEnum: unknown,
    newEnum: unknown,
    direction: Direction,
    note: (bump: Bump, text: string) => void,
  ): void {
    if (!Array.isArray(oldEnum) && !Array.isArray(newEnum)) return;
    // A request may send fewer values safely; a caller must handle every value it may receive.
    if (!Array.isArray(oldEnum)) {
      note(
        direction === "request" ? "major" : "minor",
        `enum ${valueList(newEnum)} added (any value accepted before)`,
      );
      return;
    }
    if (!Array.isArray(newEnum)) {
      note(direction === "request" ? "minor" : "major", "enum removed (any value now)");
      return;
    }
    const addedValues = newEnum.filter((value) => !oldEnum.some((old) => deepEqual(old, value)));
    const removedValues = oldEnum.filter(
      (value) => !newEnum.some((next) => deepEqual(next, value)),
    );
    if (removedValues.length > 0) {
      note(
        direction === "request" ? "major" : "minor",
        `enum values ${valueList(removedValues)} removed`,
      );
    }
    if (addedValues.length > 0) {
      note(
        direction === "request" ? "minor" : "major",
        `enum values ${valueList(addedValues)} added`,
      );
    }
  }

  /** A schema whose `allOf` members are merged into one object schema (properties and required). */
  private flattenAllOf(
    value: unknown,
    side: "before" | "after",
    depth = 0,
  ): Record<string, unknown> | undefined {
    if (!isRecord(value)) return undefined;
    if (!Array.isArray(value.allOf) || depth > 32) return value;
    const { allOf, ...rest } = value;
    const merged: Record<string, unknown> = { ...rest };
    const properties: Record<string, unknown> = isRecord(rest.properties)
      ? { ...rest.properties }
      : {};
    const required = new Set(Array.isArray(rest.required) ? rest.required.map(String) : []);
    for (const member of allOf) {
      const part = this.flattenAllOf(this.deref(member, side), side, depth + 1);
      if (part === undefined) continue;
      if (isRecord(part.properties)) Object.assign(properties, part.properties);
      if (Array.isArray(part.required))
        for (const name of part.required) required.add(String(name));
      for (const key of [...TYPE_KEYS, "enum", ...CONSTRAINTS.map((c) => c.key)]) {
        if (part[key] !== undefined && merged[key] === undefined) merged[key] = part[key];
      }
    }
    merged.properties = properties;
    if (required.size > 0) merged.required = [...required];
    return merged;
  }
}

/** Keys that document a schema without changing what it accepts or its type. */
const DOCUMENTATION_KEYS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
]);

const TYPE_KEYS = ["type", "format", "nullable", "const"] as const;

/**
 * Keywords that restrict the values a schema accepts without changing its TypeScript type:
 * `tighter(old, new)` says whether the new value refuses something the old accepted.
 */
const CONSTRAINTS: { key: string; tighter: (old: unknown, next: unknown) => boolean }[] = [
  ...["maxLength", "maxItems", "maxProperties", "maximum"].map((key) => ({
    key,
    tighter: (old: unknown, next: unknown) =>
      typeof next === "number" && (typeof old !== "number" || next < old),
  })),
  ...["minLength", "minItems", "minProperties", "minimum"].map((key) => ({
    key,
    tighter: (old: unknown, next: unknown) =>
      typeof next === "number" && (typeof old !== "number" || next > old),
  })),
  ...["exclusiveMaximum", "exclusiveMinimum", "uniqueItems"].map((key) => ({
    key,
    // 3.0 booleans (false → true) or 3.1 bounds (any new or moved bound may refuse more).
    tighter: (old: unknown, next: unknown) =>
      typeof next === "boolean" ? next && old !== true : next !== undefined && next !== old,
  })),
  ...["pattern", "multipleOf"].map((key) => ({
    key,
    tighter: (old: unknown, next: unknown) => next !== undefined && next !== old,
  })),
];

/**
 * The list, or its first entries and one that sums up the rest: a schema shared many times
 * over below another (each level referring to the next twice) would otherwise list its change
 * once per path, 2^depth times.
 */
function capped(changes: SchemaChange[]): SchemaChange[] {
  if (changes.length <= LISTED_CHANGES) return changes;
  const listed = changes.slice(0, LISTED_CHANGES - 1);
  const rest = changes.slice(LISTED_CHANGES - 1);
  const count = rest.reduce((sum, change) => sum + (change.count ?? 1), 0);
  const bump = rest.some((c) => c.bump === "major")
    ? "major"
    : rest.some((c) => c.bump === "minor")
      ? "minor"
      : "patch";
  return [...listed, { bump, at: "", text: `${count} more changes in nested schemas`, count }];
}

function compareConstraints(
  oldSchema: Record<string, unknown>,
  newSchema: Record<string, unknown>,
  direction: Direction,
  note: (bump: Bump, text: string) => void,
): void {
  for (const { key, tighter } of CONSTRAINTS) {
    const old = oldSchema[key];
    const next = newSchema[key];
    if (deepEqual(old, next)) continue;
    const change = `${key} ${old === undefined ? "added" : next === undefined ? "removed" : "changed"} (${JSON.stringify(old ?? null)} → ${JSON.stringify(next ?? null)})`;
    // A request that passed before may be refused now: that breaks callers.
    const refusesMore = direction === "request" && tighter(old, next);
    note(refusesMore ? "major" : "patch", change);
  }
}

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

function valueList(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(", ") : "";
}
