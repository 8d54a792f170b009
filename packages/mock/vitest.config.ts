import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts real Prism processes, which take a couple of seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
