import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI tests start Node processes; on a busy machine each takes a few seconds.
    testTimeout: 60_000,
  },
});
