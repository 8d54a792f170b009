export type * from "./openapi.js";
