export {
  type BusinessToken,
  type BusinessTokenGrant,
  type PartnerToken,
  type StoredToken,
  ThredfiAuthError,
  type ThredfiAuthErrorCode,
  ThredfiConnectionError,
  type ThredfiEnvironment,
  ThredfiError,
  type ThredfiFetch,
  type ThredfiLogger,
  type ThredfiLogLevel,
  type ThredfiMiddleware,
  ThredfiTimeoutError,
  type ThredfiTokenStore,
  type ThredfiTokens,
  type TokenKey,
  type TokenStoreRequest,
} from "@thredfi/auth";
export type * from "@thredfi/types";
export type { CallResult } from "./call.js";
export { createBusinessClient } from "./create-business-client.js";
export { createThredfiClient } from "./create-thredfi-client.js";
export {
  ThredfiApiError,
  ThredfiAuthenticationError,
  ThredfiBadRequestError,
  ThredfiConflictError,
  ThredfiInternalServerError,
  ThredfiNotFoundError,
  ThredfiPermissionDeniedError,
  ThredfiRateLimitError,
  ThredfiRedirectError,
  ThredfiUnprocessableEntityError,
} from "./errors.js";
export type {
  BusinessClientOptions,
  CallOptions,
  PipelineOptions,
  ThredfiClientOptions,
} from "./options.js";
export {
  type ListBody,
  type ListItem,
  type ListPath,
  type PaginatedClient,
  paginate,
  type ThredfiPage,
  type ThredfiPaginator,
} from "./paginate.js";
export type * from "./resources/generated/types.js";
export type {
  APIPromise,
  Body,
  Data,
  Item,
  OperationId,
  Page,
  PagePromise,
  Query,
  RequestOptions,
  WithResponse,
} from "./resources/types.js";
export type {
  PathCallInit,
  SuccessResult,
  ThredfiApiClient,
  ThredfiBusinessClient,
  ThredfiClient,
  ThrowingApiClient,
} from "./types.js";
export { unwrap } from "./unwrap.js";
