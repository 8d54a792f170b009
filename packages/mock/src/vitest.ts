import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startMock } from "./start-mock.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Thredfi mock started by the `@thredfi/mock/vitest` global setup. */
    thredfiMockUrl: string;
  }
}

/**
 * Vitest global setup: starts one Thredfi mock for the whole test run, provides its URL to the
 * tests as `inject("thredfiMockUrl")`, and stops it when the run ends.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ["@thredfi/mock/vitest"] } });
 * // tsconfig.json → compilerOptions.types: ["@thredfi/mock/vitest"]
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide("thredfiMockUrl", mock.url);
  return () => mock.close();
}
