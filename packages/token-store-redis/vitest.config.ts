import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { workspaceSources } from "../../vitest.sources.js";

export default defineConfig({
  ...workspaceSources,
  test: {
    include: ["test/**/*.test.ts"],
    // One redis-server for the run (tests that stop Redis start their own).
    globalSetup: [fileURLToPath(new URL("test/support/global-setup.ts", import.meta.url))],
    // The fleet tests spawn Node processes; two files at a time on two cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
