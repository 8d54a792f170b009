import { defineConfig } from "vitest/config";
import { workspaceSources } from "../../vitest.sources.js";

export default defineConfig({
  ...workspaceSources,
  test: {
    // One mock of the Thredfi API for the whole run; tests read its URL with inject("thredfiMockUrl").
    globalSetup: ["@thredfi/mock/vitest"],
    include: ["test/**/*.test.ts"],
    hookTimeout: 60_000,
  },
});
