import { BaseResolver, lintDocument, Source } from "@redocly/openapi-core";
import type { OpenApiDocument } from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import { correctnessRedoclyConfig } from "./redocly-config.js";

/**
 * Validates `doc` as OpenAPI 3.x (the version it declares): its structure, that every internal
 * `$ref` resolves, unique operationIds, declared path parameters. Throws a {@link SpecError}
 * listing every problem with its JSON pointer and, when `locate` knows it, the file it is in.
 */
export async function validateOpenApi(
  doc: OpenApiDocument,
  sourceLabel: string,
  locate: (pointer: string) => string | undefined = () => undefined,
): Promise<void> {
  const config = await correctnessRedoclyConfig();
  const problems = await lintDocument({
    document: { source: new Source(sourceLabel, ""), parsed: doc },
    config: config.styleguide,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  const failures = problems.filter((problem) => problem.severity === "error");
  if (failures.length === 0) return;
  const reasons = failures.map((problem) => {
    const pointer = problem.location[0]?.pointer;
    if (!pointer) return problem.message;
    const file = locate(pointer);
    return `${problem.message} (at ${pointer}${file ? ` in ${file}` : ""})`;
  });
  throw new SpecError(`${sourceLabel} is not valid OpenAPI:\n  ${reasons.join("\n  ")}`);
}
