import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The suites share one module graph per worker: the pipeline's dependencies (redocly,
    // openapi-typescript, TypeScript) load once instead of once per file. No test keeps state
    // in a module.
    isolate: false,
    // The smoke tests start Node and pnpm; on a busy machine each takes a few seconds.
    testTimeout: 60_000,
  },
});
