export {
  type BusinessToken,
  type BusinessTokenGrant,
  type PartnerToken,
  ThredfiAuthError,
  type ThredfiAuthErrorCode,
  type ThredfiEnvironment,
  ThredfiError,
  type ThredfiFetch,
  type ThredfiLogger,
  type ThredfiMiddleware,
  type ThredfiTokens,
} from "@thredfi/auth";
export type * from "@thredfi/types";
export { createBusinessClient } from "./create-business-client.js";
export { createThredfiClient } from "./create-thredfi-client.js";
export {
  type ApiErrorInit,
  apiErrorFor,
  ThredfiApiError,
  ThredfiAuthenticationError,
  ThredfiBadRequestError,
  ThredfiConflictError,
  ThredfiConnectionError,
  ThredfiInternalServerError,
  ThredfiNotFoundError,
  ThredfiPermissionDeniedError,
  ThredfiRateLimitError,
  ThredfiTimeoutError,
  ThredfiUnprocessableEntityError,
} from "./errors.js";
export type { ThredfiLogLevel } from "./log.js";
export {
  type ListBody,
  type ListItem,
  type ListPath,
  type PaginatedClient,
  paginate,
  type ThredfiPage,
  type ThredfiPaginator,
} from "./paginate.js";
export type {
  BusinessClientOptions,
  RequestOptions,
  SuccessResult,
  ThredfiApiClient,
  ThredfiClient,
  ThredfiClientOptions,
  ThrowingApiClient,
} from "./types.js";
export { type CallResult, unwrap } from "./unwrap.js";
