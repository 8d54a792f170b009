export { createAuthClient } from "./create-auth-client.js";
export { createBusinessAuthClient } from "./create-business-auth-client.js";
export {
  ThredfiAuthError,
  type ThredfiAuthErrorCode,
  type ThredfiAuthErrorDetails,
  ThredfiConnectionError,
  ThredfiError,
  ThredfiTimeoutError,
} from "./errors.js";
export type { ThredfiLogLevel } from "./log.js";
export type {
  BusinessClientOptions,
  BusinessToken,
  BusinessTokenGrant,
  ConnectionOptions,
  PartnerToken,
  StoredToken,
  ThredfiApiClient,
  ThredfiClient,
  ThredfiClientOptions,
  ThredfiEnvironment,
  ThredfiFetch,
  ThredfiLogger,
  ThredfiMiddleware,
  ThredfiTokenStore,
  ThredfiTokens,
  TokenKey,
  TokenStoreRequest,
} from "./types.js";
