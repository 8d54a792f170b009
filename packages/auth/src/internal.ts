/**
 * The building blocks `@thredfi/client` composes its request pipeline from. Not part of this
 * package's public API: no semver promise is made for this entry point.
 * @packageDocumentation
 */
export { createAuthMiddleware } from "./auth-middleware.js";
export { createBusinessTokens } from "./business-tokens.js";
export {
  type ConnectionConfig,
  check,
  DEFAULT_TIMEOUT_MS,
  isTimeoutMs,
  MAX_TIMER_MS,
  requireBusinessId,
  resolveConnection,
} from "./config.js";
export { createDeadlines, type Deadline, type Deadlines, withDeadline } from "./deadlines.js";
export { discardBody } from "./discard-body.js";
export { type ErrorBodyReading, readErrorBody } from "./error-body.js";
export { brand } from "./errors.js";
export { createLog, isLogger, isLogLevel, type LineLevel, type Log } from "./log.js";
export { createPartnerTokens, type PartnerTokens, type ScopedTokens } from "./partner-tokens.js";
export {
  requestIdOf,
  type SendTokenRequest,
  type TokenAnswer,
  type TokenRequest,
} from "./request-token.js";
export { redactSecrets, safeText } from "./safe-text.js";
export { carriesToken } from "./scope.js";
export type { CachedToken } from "./token-cache.js";
