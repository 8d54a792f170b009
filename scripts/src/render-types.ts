import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";
import type { OpenApiDocument } from "./openapi-document.js";
import { silentRedoclyConfig } from "./redocly-config.js";

/**
 * TypeScript types for a validated, self-contained spec: `paths`, `components`, `operations`
 * and one exported type per component (`OAuth2TokenResponse`, …). Optional properties stay
 * optional even when they have a default, because a server may omit them.
 */
export async function renderTypes(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as unknown as OpenAPI3, {
    defaultNonNullable: false,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    redocly: await silentRedoclyConfig(),
    silent: true,
  });
  return COMMENT_HEADER + astToString(ast);
}
