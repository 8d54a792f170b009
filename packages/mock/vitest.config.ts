import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The files mostly wait for Prism to start or die: run them side by side, one per core
    // (Vitest's default leaves one core free, which on two cores runs them one after another).
    maxWorkers: "100%",
    // Each test starts real Prism processes, which take a couple of seconds each, and many times
    // that on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
