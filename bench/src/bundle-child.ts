import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const workDir = new URL("../.work/", import.meta.url);

/**
 * Bundles the TypeScript child entry `script` (relative to this directory) into one ES module
 * under `bench/.work/` and returns its path. Packages stay external, so the SDK and its
 * baselines run exactly as installed. A bundled child starts without a TypeScript loader, which
 * saves a second per process, and tens of seconds under valgrind.
 */
export async function bundleChild(script: string): Promise<string> {
  const outfile = fileURLToPath(new URL(`${script.replace(/^\.\/|\.ts$/g, "")}.mjs`, workDir));
  await build({
    entryPoints: [fileURLToPath(new URL(script, import.meta.url))],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return outfile;
}
