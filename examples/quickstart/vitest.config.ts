import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One mock of the Thredfi API for the whole run; tests read its URL with inject("thredfiMockUrl").
    globalSetup: ["@thredfi/mock/vitest"],
    include: ["test/**/*.test.ts"],
    hookTimeout: 60_000,
  },
});
