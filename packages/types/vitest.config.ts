import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // This package has no runtime code: its tests are type tests, checked by tsc.
    typecheck: {
      enabled: true,
      only: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
