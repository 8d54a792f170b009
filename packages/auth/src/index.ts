export { createBusinessClient } from "./create-business-client.js";
export { createThredfiClient } from "./create-thredfi-client.js";
export { ThredfiAuthError, type ThredfiAuthErrorCode, ThredfiError } from "./errors.js";
export type {
  BusinessClientOptions,
  BusinessToken,
  BusinessTokenGrant,
  ConnectionOptions,
  PartnerToken,
  ThredfiApiClient,
  ThredfiClient,
  ThredfiClientOptions,
  ThredfiEnvironment,
  ThredfiFetch,
  ThredfiLogger,
  ThredfiMiddleware,
  ThredfiTokens,
} from "./types.js";
