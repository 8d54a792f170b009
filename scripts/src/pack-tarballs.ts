import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO_ROOT } from "./repo-layout.js";
import { assertSucceeded, runCommand } from "./run-command.js";

/** A workspace package packed the way it is published. */
export interface PackedPackage {
  name: string;
  version: string;
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Paths inside the tarball, relative to its package root. */
  files: string[];
}

/**
 * Packs every published package (each `packages/*` not marked private) with `pnpm pack`, which
 * replaces `workspace:` and `catalog:` versions exactly as `changeset publish` does. The
 * packages must be built first.
 */
export async function packPublishedPackages(
  destination: string,
  root: string = REPO_ROOT,
): Promise<PackedPackage[]> {
  const directories = await publishedPackageDirectories(root);
  return Promise.all(directories.map((directory) => packPackage(directory, destination)));
}

async function publishedPackageDirectories(root: string): Promise<string[]> {
  const packagesDir = join(root, "packages");
  const names = (await readdir(packagesDir)).sort();
  const published: string[] = [];
  for (const name of names) {
    const manifestPath = join(packagesDir, name, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { private?: boolean };
    if (manifest.private !== true) published.push(join(packagesDir, name));
  }
  return published;
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
    tarball: report.filename,
    files: report.files.map((file) => file.path).sort(),
  };
}
