import { cp, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { outsideWorkspaceEnvironment } from "./npm-environment.js";
import { assertSucceeded, runCommand } from "./run-command.js";

/** A fresh npm project outside the workspace with the packed packages installed. */
export interface ConsumerProject {
  /** Absolute path of the project. */
  directory: string;
  /** Deletes the project. */
  remove(): Promise<void>;
}

/** What goes into the consumer project besides the tarballs. */
export interface ConsumerContents {
  /** Packed `.tgz` files to install. */
  tarballs: readonly string[];
  /** Further packages from the registry, as `name@version`. */
  registryPackages?: readonly string[];
  /** A directory whose files are copied into the project. */
  filesFrom?: string;
}

/**
 * Creates an npm project in a new directory under the OS temp directory and installs the
 * tarballs with npm, as a user of the published packages would: no workspace, no pnpm, no
 * links back into this repository.
 */
export async function createConsumerProject(contents: ConsumerContents): Promise<ConsumerProject> {
  // The real path, as Node reports resolved modules by it.
  const directory = await realpath(await mkdtemp(join(tmpdir(), "thredfi-ecosystem-consumer-")));
  const remove = () => rm(directory, { recursive: true, force: true });
  try {
    await writeFile(
      join(directory, "package.json"),
      `${JSON.stringify({ name: "thredfi-ecosystem-consumer", version: "1.0.0", private: true }, null, 2)}\n`,
    );
    if (contents.filesFrom !== undefined) {
      await cp(contents.filesFrom, directory, { recursive: true });
    }
    const install = await runCommand(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        "--prefer-offline",
        "--loglevel=error",
        ...contents.tarballs,
        ...(contents.registryPackages ?? []),
      ],
      { cwd: directory, env: outsideWorkspaceEnvironment(), timeoutMs: 240_000 },
    );
    assertSucceeded(install, "npm install of the packed packages");
    return { directory, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
