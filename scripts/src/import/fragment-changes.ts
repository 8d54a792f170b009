import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isMap, parseDocument } from "yaml";
import { isFragmentFile } from "../bundle/load-fragments.js";
import type { FileChange } from "../lib/files.js";
import {
  isHttpMethod,
  isRecord,
  listOperations,
  type OpenApiDocument,
  type OperationRef,
  operationLabel,
} from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import { unreachableComponents } from "./component-refs.js";

/**
 * The changes to the other fragments that importing `imported` as `fragmentPath` needs: the
 * same path and method taken out of any other fragment (deleted when left empty), the one
 * move an import makes. The target file's own operations are replaced by the input's. Refuses, naming both operations, an import that would lose an
 * operation it was not given: one the target file holds that the input does not define, or
 * one whose operationId the input reuses for another path or method.
 */
export async function otherFragmentChanges(
  fragmentsDir: string,
  fragmentPath: string,
  imported: readonly OperationRef[],
  label: string,
): Promise<FileChange[]> {
  const keys = new Set(imported.map(operationKey));
  const byId = new Map(imported.map((op) => [String(op.operation.operationId), op]));
  const files = (await readdir(fragmentsDir).catch(() => [] as string[]))
    .filter(isFragmentFile)
    .sort();
  const changes: FileChange[] = [];
  for (const file of files) {
    const path = join(fragmentsDir, file);
    const text = await readFile(path, "utf8");
    const yamlDoc = parseDocument(text, { merge: true });
    const data: unknown = yamlDoc.toJS();
    if (!isRecord(data)) continue;
    const operations = listOperations(data);
    for (const op of operations) {
      const twin = byId.get(String(op.operation.operationId));
      if (twin !== undefined && operationKey(twin) !== operationKey(op)) {
        throw new SpecError(
          `${label}: operationId ${describe(twin)} is already used by ${describe(op)} in ${file}. Nothing written: an import moves an operation only with the same path and method; rename one of the two operationIds, or take the old operation out of ${file} first if it is meant to go.`,
        );
      }
    }
    if (path === fragmentPath) {
      const lost = operations.filter((op) => !keys.has(operationKey(op)));
      if (lost.length > 0) {
        throw new SpecError(
          `${label}: importing ${describeAll(imported)} as ${file} would remove ${describeAll(lost)}, which ${file} holds and ${label} does not define. Nothing written: take ${lost.length === 1 ? "that operation" : "those operations"} out of ${file} first if ${lost.length === 1 ? "it is" : "they are"} meant to go.`,
        );
      }
      continue;
    }
    const removed = operations.filter((op) => keys.has(operationKey(op)));
    if (removed.length > 0) changes.push(withoutOperations(path, yamlDoc, operations, removed));
  }
  return changes;
}

function operationKey(op: { method: string; path: string }): string {
  return `${op.method} ${op.path}`;
}

function describe(op: OperationRef): string {
  return `${String(op.operation.operationId)} (${operationLabel(op)})`;
}

function describeAll(ops: readonly OperationRef[]): string {
  return ops.map(describe).join(", ");
}

/**
 * The change that removes `removed` from one fragment (keeping its formatting), drops
 * components only they used, and deletes the fragment if no operation is left.
 */
function withoutOperations(
  path: string,
  yamlDoc: ReturnType<typeof parseDocument>,
  operations: readonly OperationRef[],
  removed: readonly OperationRef[],
): FileChange {
  if (removed.length === operations.length) return { path, text: undefined };
  for (const op of removed) {
    yamlDoc.deleteIn(["paths", op.path, op.method]);
    const pathItem = yamlDoc.getIn(["paths", op.path]);
    const methodsLeft =
      isMap(pathItem) && pathItem.items.some((pair) => isHttpMethod(String(pair.key)));
    if (!methodsLeft) yamlDoc.deleteIn(["paths", op.path]);
  }
  const pruned = yamlDoc.toJS() as OpenApiDocument;
  for (const [section, name] of unreachableComponents(pruned)) {
    yamlDoc.deleteIn(["components", section, name]);
    const sectionNode = yamlDoc.getIn(["components", section]);
    if (isMap(sectionNode) && sectionNode.items.length === 0)
      yamlDoc.deleteIn(["components", section]);
  }
  const components = yamlDoc.get("components");
  if (isMap(components) && components.items.length === 0) yamlDoc.delete("components");
  return { path, text: yamlDoc.toString() };
}
