import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Absolute path of the Thredfi spec shipped inside this package (`spec/thredfi.yaml`, copied from
 * the repository's bundled spec by the package's `generate` step, which its build depends on).
 */
export function bundledSpecPath(): string {
  // Both `src/*.ts` and the built `dist/*.{js,cjs}` sit one level below the package root.
  return fileURLToPath(new URL("../spec/thredfi.yaml", import.meta.url));
}

/** Absolute path of the pinned Prism CLI's JavaScript entry (its `bin.prism`). */
export function prismCliPath(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.prism;
  if (bin === undefined) {
    throw new Error(`@stoplight/prism-cli at ${manifestPath} declares no "prism" bin`);
  }
  return join(dirname(manifestPath), bin);
}
