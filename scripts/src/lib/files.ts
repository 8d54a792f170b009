import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** A file to write (`text`) or delete (`text` undefined). */
export interface FileChange {
  path: string;
  text: string | undefined;
}

/** Applies the changes in order, creating directories as needed. */
export async function applyFileChanges(changes: readonly FileChange[]): Promise<void> {
  for (const change of changes) {
    if (change.text === undefined) {
      await rm(change.path, { force: true });
    } else {
      await mkdir(dirname(change.path), { recursive: true });
      await writeFile(change.path, change.text);
    }
  }
}

/** The changes among `candidates` that differ from the files on disk (deletions always kept). */
export async function changedFiles(candidates: readonly FileChange[]): Promise<FileChange[]> {
  const changed: FileChange[] = [];
  for (const change of candidates) {
    if (change.text === undefined || (await readFileIfPresent(change.path)) !== change.text) {
      changed.push(change);
    }
  }
  return changed;
}

/** The file's text, or undefined when it does not exist. */
export function readFileIfPresent(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").catch(() => undefined);
}
