import { rmSync } from "node:fs";
import { defineConfig } from "tsup";

// The two builds below run in parallel, so neither may clean `dist` itself.
rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
    // The CJS build locates the bundled spec and Prism through `import.meta.url`.
    shims: true,
  },
  {
    // Vitest loads global setup files with `import` and refuses `require()` itself, so the
    // `./vitest` entry ships as ESM only.
    entry: { vitest: "src/vitest.ts" },
    format: ["esm"],
    dts: true,
    target: "es2022",
  },
]);
