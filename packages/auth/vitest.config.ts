import { defineConfig } from "vitest/config";
import { workspaceSources } from "../../vitest.sources.js";

export default defineConfig({
  ...workspaceSources,
  test: {
    include: ["test/**/*.test.ts"],
    // The files share one module graph per worker instead of loading the package and its
    // dependencies once per file: no test keeps state in a module, and every test restores what
    // it changes (env stubs, spies, process listeners).
    isolate: false,
    testTimeout: 15_000,
    hookTimeout: 30_000,
  },
});
