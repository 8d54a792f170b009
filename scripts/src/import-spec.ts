import { readFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { loadFragments } from "./bundle/load-fragments.js";
import { mergeFragments } from "./bundle/merge-fragments.js";
import { hasExternalRefs } from "./bundle/resolve-external-refs.js";
import { validateAndResolve } from "./bundle/validate-openapi.js";
import { extractEmbeddedDocument } from "./import/docs-page.js";
import { otherFragmentChanges } from "./import/fragment-changes.js";
import { type FileChange, readFileIfPresent } from "./lib/files.js";
import {
  isRecord,
  listOperations,
  type OpenApiDocument,
  type OperationRef,
  operationLabel,
} from "./lib/openapi-document.js";
import { SpecError } from "./lib/spec-error.js";
import { parseYaml, toYamlText } from "./lib/yaml.js";

/** What to import and where the fragments live. */
export interface ImportOptions {
  /** A docs page (`*.md`), an OpenAPI document (`*.yaml`, `*.json`), or `-` for stdin. */
  input: string;
  /** Directory that a relative `input` is relative to. */
  cwd: string;
  fragmentsDir: string;
  /** The text read from stdin when `input` is `-`. */
  stdinText?: string;
  /**
   * Fragment name (file name without `.yaml`); by default the operationId of a one-operation
   * document, else the input's file name. Required for several operations read from stdin.
   */
  name?: string;
}

/** The outcome of an import: the fragment written and every file change it needs. */
export interface ImportPlan {
  fragmentPath: string;
  /** `operationId (METHOD /path)` for each imported operation. */
  operations: string[];
  /** Files to write or delete; empty when the fragments already hold exactly this input. */
  changes: FileChange[];
  /** Problems the pipeline tolerates, one line each (see `validateAndResolve`). */
  warnings: string[];
}

/**
 * Validates a docs page or OpenAPI document and works out the fragment changes that import it:
 * `<operationId>.yaml` (or `<input name>.yaml` for several operations) holding the document
 * verbatim — or, when it has relative `$ref`s into other files, with them resolved into it —
 * and the removal of the same operations from any other fragment (deleted when left empty).
 * Writes nothing; bad input throws a {@link SpecError} that says what is wrong.
 */
export async function planImport(options: ImportOptions): Promise<ImportPlan> {
  const source = await readSource(options);
  const embedded = source.isPage
    ? extractEmbeddedDocument(source.text, source.label)
    : { text: source.text };
  const parsed =
    options.input === "-" && !source.isPage
      ? parseStdinDocument(embedded.text)
      : parseYaml(embedded.text, source.label);
  const doc = requireOpenApi3(parsed, source.label);
  const selfContained = !hasExternalRefs(doc);
  const { doc: resolved, warnings } = await validateAndResolve(
    doc,
    source.absolutePath,
    source.label,
  );
  const operations = requireOperationIds(resolved, source.label);
  if ("method" in embedded && embedded.method !== undefined) {
    const { method, path } = embedded;
    if (!operations.some((op) => op.method === method && op.path === path)) {
      throw new SpecError(
        `${source.label}: the fence names ${method.toUpperCase()} ${path}, which the embedded document does not define`,
      );
    }
  }

  const fragmentPath = join(
    options.fragmentsDir,
    `${fragmentName(operations, source, options)}.yaml`,
  );
  const fragmentText = selfContained ? embedded.text : toYamlText(resolved);
  const changes: FileChange[] = [];
  if ((await readFileIfPresent(fragmentPath)) !== fragmentText) {
    changes.push({ path: fragmentPath, text: fragmentText });
  }
  changes.push(
    ...(await otherFragmentChanges(options.fragmentsDir, fragmentPath, operations, source.label)),
  );
  await requireMergeable(options.fragmentsDir, changes, source.label);
  return {
    fragmentPath,
    operations: operations.map((op) => `${op.operation.operationId} (${operationLabel(op)})`),
    changes,
    warnings,
  };
}

/** Refuses an import after which the fragments would no longer merge into one spec. */
async function requireMergeable(
  fragmentsDir: string,
  changes: readonly FileChange[],
  label: string,
): Promise<void> {
  const pending = new Map(changes.map((change) => [change.path, change.text]));
  try {
    mergeFragments(await loadFragments(fragmentsDir, pending));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    throw new SpecError(
      `${label}: not imported, the fragments would no longer merge (nothing written): ${error.message}`,
    );
  }
}

interface Source {
  text: string;
  label: string;
  absolutePath: string;
  isPage: boolean;
}

async function readSource(options: ImportOptions): Promise<Source> {
  if (options.input === "-") {
    const text = options.stdinText ?? "";
    if (text.trim() === "") {
      throw new SpecError("stdin is empty: pipe a docs page or an OpenAPI document into it");
    }
    return {
      text,
      label: "stdin",
      absolutePath: join(options.cwd, "stdin.yaml"),
      isPage: /^(\uFEFF)?````/m.test(text),
    };
  }
  const absolutePath = resolve(options.cwd, options.input);
  const text = await readFile(absolutePath, "utf8").catch(() => {
    throw new SpecError(`Cannot read ${options.input} (looked for ${absolutePath})`);
  });
  const isPage = /\.(md|mdx|markdown)$/i.test(absolutePath);
  return { text, label: basename(absolutePath), absolutePath, isPage };
}

/**
 * Parses stdin that holds no docs-page fence. Text that is not an OpenAPI (or Swagger) mapping
 * either may be a page whose fence is missing, so the message names both possibilities.
 */
function parseStdinDocument(text: string): unknown {
  const neither = (reason: string) =>
    new SpecError(
      `stdin: no fence found (a docs page embeds its OpenAPI document in a fence of four backticks opened as \`yaml METHOD PATH\`), and not an OpenAPI document either: ${reason}`,
    );
  let parsed: unknown;
  try {
    parsed = parseYaml(text, "stdin");
  } catch (error) {
    throw neither(error instanceof Error ? error.message.replace(/^stdin: /, "") : String(error));
  }
  if (!isRecord(parsed) || (parsed.openapi === undefined && parsed.swagger === undefined)) {
    throw neither("no `openapi` field");
  }
  return parsed;
}

function requireOpenApi3(parsed: unknown, label: string): OpenApiDocument {
  if (!isRecord(parsed)) {
    throw new SpecError(
      `${label}: not an OpenAPI 3.x document (expected a mapping with \`openapi: 3.x.y\`)`,
    );
  }
  const version = parsed.openapi;
  if (typeof version === "string" && /^3\.\d+\.\d+$/.test(version) && !/^3\.[01]\./.test(version)) {
    throw new SpecError(
      `${label}: openapi ${version} is not supported (expected 3.0.x or 3.1.x, which openapi-typescript generates types for)`,
    );
  }
  if (typeof version !== "string" || !/^3\.\d+\.\d+$/.test(version)) {
    const found =
      parsed.swagger !== undefined
        ? `swagger ${String(parsed.swagger)}`
        : version === undefined
          ? "no `openapi` field"
          : `openapi ${String(version)}`;
    throw new SpecError(`${label}: not an OpenAPI 3.x document (found ${found})`);
  }
  return parsed;
}

function requireOperationIds(doc: OpenApiDocument, label: string): OperationRef[] {
  const operations = listOperations(doc);
  if (operations.length === 0) throw new SpecError(`${label}: the document defines no operation`);
  const missing = operations.filter(
    (op) => typeof op.operation.operationId !== "string" || op.operation.operationId === "",
  );
  if (missing.length > 0) {
    throw new SpecError(
      `${label}: operation without operationId: ${missing.map(operationLabel).join(", ")}`,
    );
  }
  return operations;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * A file name for an operationId, which may hold any character (GitHub's have `/`): each run of
 * characters other than letters, digits, `_`, `.` and `-` becomes `-`, and leading dots and
 * dashes go, so no name climbs out of the fragments folder or hides.
 */
function fileNameOf(operationId: string, label: string): string {
  const name = operationId.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[.-]+/, "");
  if (!SAFE_NAME.test(name)) {
    throw new SpecError(
      `${label}: operationId ${JSON.stringify(operationId)} gives no usable file name: name the fragment with --name <name>`,
    );
  }
  return name;
}

function fragmentName(operations: OperationRef[], source: Source, options: ImportOptions): string {
  const [only, second] = operations;
  if (options.name === undefined && only !== undefined && second === undefined) {
    return fileNameOf(String(only.operation.operationId), source.label);
  }
  const name =
    options.name ??
    (options.input === "-"
      ? undefined
      : basename(source.absolutePath, extname(source.absolutePath)));
  if (name === undefined) {
    throw new SpecError("stdin holds several operations: name the fragment with --name <name>");
  }
  if (!SAFE_NAME.test(name))
    throw new SpecError(`Fragment name not usable as a file name: ${name}`);
  return name;
}
