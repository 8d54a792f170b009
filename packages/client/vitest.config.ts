// Declares inject("thredfiMockUrl") for the tests, as the `types` entry of a user's tsconfig would.
import type {} from "@thredfi/mock/vitest";
import { defineConfig } from "vitest/config";
import { sourceOf, workspaceSources } from "../../vitest.sources.js";

export default defineConfig({
  ...workspaceSources,
  test: {
    include: ["test/**/*.test.ts"],
    // The files share one module graph per worker instead of loading the package and its
    // dependencies once per file: no test keeps state in a module, and every test restores what
    // it changes (env stubs, spies, process listeners).
    isolate: false,
    // Three workers on two cores: the retry, Retry-After and timeout files spend seconds waiting
    // on real timers, and the other files run in those waits.
    maxWorkers: 3,
    testTimeout: 15_000,
    hookTimeout: 60_000,
    // One mock of the Thredfi API for the whole run; tests read its URL with inject("thredfiMockUrl").
    globalSetup: [sourceOf("@thredfi/mock/vitest", import.meta.url)],
    // Quiet by default; the logging tests set their level themselves.
    env: { THREDFI_LOG: "off" },
  },
});
