import { relative } from "node:path";
import { bundle, lintDocument, type NormalizedProblem, Source } from "@redocly/openapi-core";
import type { OpenApiDocument } from "../lib/openapi-document.js";
import { requireNoPureRefCycle } from "../lib/ref-cycles.js";
import { SpecError } from "../lib/spec-error.js";
import { LocalResolver } from "./local-resolver.js";
import { correctnessRedoclyConfig, silentRedoclyConfig } from "./redocly-config.js";
import { hasExternalRefs, requireLocalRefs } from "./resolve-external-refs.js";

/** A validated document made self-contained, and the problems it has that only warn. */
export interface ValidatedDocument {
  doc: OpenApiDocument;
  warnings: string[];
}

/**
 * Validates `doc` (read from `absolutePath`, named `label` in messages) as OpenAPI 3.x, the
 * version it declares, and resolves every `$ref` into another file so that the result is
 * self-contained: referenced schemas, parameters, responses… become named components.
 *
 * What the pipeline needs is an error, thrown as a {@link SpecError} listing each with its
 * JSON pointer and file: every `$ref` resolves (locally: a remote one is refused at once), no
 * `$ref` cycle without a schema, operationIds are unique (they key `operations` in the types).
 * Everything else the specification asks (structure, declared path parameters…) and
 * openapi-typescript tolerates, such as Stripe's `nullable` without `type`, is a warning.
 *
 * The files are read and parsed once: validation and resolution share one resolver.
 */
export async function validateAndResolve(
  doc: OpenApiDocument,
  absolutePath: string,
  label: string,
): Promise<ValidatedDocument> {
  requireLocalRefs(doc, label);
  requireNoPureRefCycle(doc, label);
  const config = await correctnessRedoclyConfig();
  const resolver = new LocalResolver(config.resolve);
  const source = new Source(absolutePath, "");
  const problems = await lintDocument({
    document: { source, parsed: doc },
    config: config.styleguide,
    externalRefResolver: resolver,
  }).catch((error: unknown) => {
    throw new SpecError(`${label} cannot be validated: ${messageOf(error)}`);
  });
  const fileOf = (problem: NormalizedProblem) => {
    const ref = problem.location[0]?.source.absoluteRef;
    return ref === undefined || ref === absolutePath
      ? label
      : relative(absolutePath, ref).replace(/^\.\.\//, "");
  };
  const failures = problems.filter((problem) => problem.severity === "error");
  if (failures.length > 0) {
    const reasons = summarise(failures, fileOf);
    throw new SpecError(`${label} is not valid OpenAPI:\n  ${reasons.join("\n  ")}`);
  }
  const warnings = summarise(problems, fileOf).map((line) => `${label}: ${line}`);
  if (!hasExternalRefs(doc)) return { doc, warnings };
  const silent = await silentRedoclyConfig();
  const result = await bundle({
    config: silent,
    dereference: false,
    doc: { source, parsed: doc },
    externalRefResolver: resolver,
  }).catch((error: unknown) => {
    throw new SpecError(`${label}: cannot resolve $ref: ${messageOf(error)}`);
  });
  const bundleFailures = result.problems.filter((problem) => problem.severity === "error");
  if (bundleFailures.length > 0) {
    const reasons = summarise(bundleFailures, fileOf);
    throw new SpecError(`${label}: cannot resolve $ref:\n  ${reasons.join("\n  ")}`);
  }
  return { doc: result.bundle.parsed as OpenApiDocument, warnings };
}

/** How many places of one problem a message names before it only counts the rest. */
const PLACES_SHOWN = 3;

/** One line per distinct message, naming its first places: real specs repeat a problem often. */
function summarise(
  problems: readonly NormalizedProblem[],
  fileOf: (problem: NormalizedProblem) => string,
): string[] {
  const places = new Map<string, string[]>();
  for (const problem of problems) {
    const pointer = problem.location[0]?.pointer;
    const list = places.get(problem.message) ?? [];
    if (pointer) list.push(`${pointer} in ${fileOf(problem)}`);
    places.set(problem.message, list);
  }
  return [...places].map(([message, at]) => {
    if (at.length === 0) return message;
    const more = at.length > PLACES_SHOWN ? ` and ${at.length - PLACES_SHOWN} more` : "";
    return `${message} (at ${at.slice(0, PLACES_SHOWN).join(", ")}${more})`;
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
