import { join, resolve } from "node:path";

/** Where the spec tooling reads and writes, relative to a repository root. */
export interface RepoLayout {
  root: string;
  fragmentsDir: string;
  bundlePath: string;
  typesPath: string;
  changesetDir: string;
}

/** This repository's root (two levels above `scripts/src`). */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");

/** The layout of the repository at `root`. */
export function repoLayout(root: string = REPO_ROOT): RepoLayout {
  return {
    root,
    fragmentsDir: join(root, "specs/fragments"),
    bundlePath: join(root, "specs/thredfi.yaml"),
    typesPath: join(root, "packages/types/src/openapi.ts"),
    changesetDir: join(root, ".changeset"),
  };
}
