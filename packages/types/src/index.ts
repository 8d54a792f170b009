/**
 * Types for the Thredfi Partner API, generated from specs/thredfi.yaml by `pnpm generate`:
 * `paths` and `operations` (for openapi-fetch's `createClient<paths>()`), `components`, and one
 * named type per component schema (`OAuth2TokenResponse`, `BusinessTokenResponse`, `Business`, …).
 *
 * @packageDocumentation
 */
export type * from "./openapi.js";
