import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // This package has no runtime code: its tests are type tests, checked by tsc. The run
    // type-checks the whole project (a type error in src fails it too), so there is no separate
    // `typecheck` script.
    typecheck: {
      enabled: true,
      only: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
