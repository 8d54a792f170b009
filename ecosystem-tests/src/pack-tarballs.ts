import { existsSync } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertSucceeded, runCommand } from "./run-command.js";

/** A workspace package packed the way it is published. */
export interface PackedPackage {
  name: string;
  version: string;
  /** Absolute path of the package in the workspace. */
  directory: string;
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Paths inside the tarball, relative to its package root. */
  files: string[];
}

const manifestPath = new URL("../package.json", import.meta.url);
const linkedPackages = fileURLToPath(new URL("../node_modules/", import.meta.url));

/**
 * The packages this workspace packs: its `workspace:` devDependencies. Adding a package to the
 * packed set is one such line in `ecosystem-tests/package.json`; the declared edge also makes
 * turbo build the package before these tests run.
 */
export async function packedPackageNames(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as {
    devDependencies?: Record<string, string>;
  };
  return Object.entries(manifest.devDependencies ?? {})
    .filter(([, range]) => range.startsWith("workspace:"))
    .map(([name]) => name)
    .sort();
}

/**
 * Packs each named workspace package with `pnpm pack`, which replaces `workspace:` and
 * `catalog:` versions exactly as `changeset publish` does. The packages must be built first.
 */
export async function packPackages(
  names: readonly string[],
  destination: string,
): Promise<PackedPackage[]> {
  return Promise.all(
    names.map(async (name) => packPackage(await workspaceDirectory(name), destination)),
  );
}

/** The directory of the workspace package `name`, found through this workspace's link to it. */
export async function workspaceDirectory(name: string): Promise<string> {
  return realpath(join(linkedPackages, ...name.split("/")));
}

async function packPackage(directory: string, destination: string): Promise<PackedPackage> {
  if (!existsSync(join(directory, "dist"))) {
    throw new Error(`${directory} has no dist/: run \`pnpm build\` before packing`);
  }
  const result = assertSucceeded(
    await runCommand("pnpm", ["pack", "--json", "--pack-destination", destination], {
      cwd: directory,
    }),
    `pnpm pack in ${directory}`,
  );
  const report = JSON.parse(result.stdout) as {
    name: string;
    version: string;
    filename: string;
    files: { path: string }[];
  };
  return {
    name: report.name,
    version: report.version,
    directory,
    tarball: report.filename,
    files: report.files.map((file) => file.path).sort(),
  };
}
