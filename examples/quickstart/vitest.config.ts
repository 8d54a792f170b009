// Declares inject("thredfiMockUrl") for the tests, as the `types` entry of a user's tsconfig would.
import type {} from "@thredfi/mock/vitest";
import { defineConfig } from "vitest/config";
import { sourceOf, workspaceSources } from "../../vitest.sources.js";

export default defineConfig({
  ...workspaceSources,
  test: {
    // One mock of the Thredfi API for the whole run; tests read its URL with inject("thredfiMockUrl").
    globalSetup: [sourceOf("@thredfi/mock/vitest", import.meta.url)],
    include: ["test/**/*.test.ts"],
    hookTimeout: 60_000,
    // Each test walks the whole demo against the mock: seconds when the machine is busy.
    testTimeout: 20_000,
  },
});
