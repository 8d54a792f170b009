import { BaseResolver, lintDocument, type NormalizedProblem, Source } from "@redocly/openapi-core";
import type { OpenApiDocument } from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import { correctnessRedoclyConfig } from "./redocly-config.js";

/**
 * Validates `doc` as OpenAPI 3.x (the version it declares). What the pipeline needs is an
 * error: every internal `$ref` resolves, and operationIds are unique (they key `operations` in
 * the types). Everything else the specification asks (structure, declared path parameters…)
 * and openapi-typescript tolerates, such as Stripe's `nullable` without `type`, is returned as
 * warnings. Throws a {@link SpecError} listing every error with its JSON pointer and, when
 * `locate` knows it, the file it is in.
 */
export async function validateOpenApi(
  doc: OpenApiDocument,
  sourceLabel: string,
  locate: (pointer: string) => string | undefined = () => undefined,
): Promise<string[]> {
  const config = await correctnessRedoclyConfig();
  const problems = await lintDocument({
    document: { source: new Source(sourceLabel, ""), parsed: doc },
    config: config.styleguide,
    externalRefResolver: new BaseResolver(config.resolve),
  }).catch((error: unknown) => {
    throw new SpecError(`${sourceLabel} cannot be validated: ${messageOf(error)}`);
  });
  const describe = (list: NormalizedProblem[]) => summarise(list, locate);
  const failures = problems.filter((problem) => problem.severity === "error");
  if (failures.length > 0) {
    throw new SpecError(
      `${sourceLabel} is not valid OpenAPI:\n  ${describe(failures).join("\n  ")}`,
    );
  }
  return describe(problems).map((line) => `${sourceLabel}: ${line}`);
}

/** How many places of one problem a message names before it only counts the rest. */
const PLACES_SHOWN = 3;

/** One line per distinct message, naming its first places: real specs repeat a problem often. */
function summarise(
  problems: readonly NormalizedProblem[],
  locate: (pointer: string) => string | undefined,
): string[] {
  const places = new Map<string, string[]>();
  for (const problem of problems) {
    const pointer = problem.location[0]?.pointer;
    const file = pointer ? locate(pointer) : undefined;
    const list = places.get(problem.message) ?? [];
    if (pointer) list.push(`${pointer}${file ? ` in ${file}` : ""}`);
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
