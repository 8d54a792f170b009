export { MockStartError } from "./mock-start-error.js";
export { bundledSpecPath } from "./paths.js";
export { type MockServer, type StartMockOptions, startMock } from "./start-mock.js";
