import { stat } from "node:fs/promises";
import { BaseResolver, type Source } from "@redocly/openapi-core";
import { SpecError } from "../lib/spec-error.js";
import { remoteRefMessage } from "./redocly-config.js";

/** The largest file a `$ref` may name: a spec file far beyond it is a mistake or an attack. */
const MAX_REF_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Redocly's resolver, reading local regular files only: a remote reference is refused without
 * a request, and a device, FIFO or huge file named by a `$ref` (`/dev/zero`) is refused before
 * anything is read, so resolving never hangs.
 */
export class LocalResolver extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (/^https?:\/\//i.test(absoluteRef)) throw new SpecError(remoteRefMessage(absoluteRef));
    const info = await stat(absoluteRef).catch(() => undefined);
    if (info !== undefined && !info.isFile() && !info.isDirectory()) {
      throw new SpecError(`$ref ${absoluteRef} is not a regular file`);
    }
    if (info !== undefined && info.size > MAX_REF_FILE_BYTES) {
      throw new SpecError(
        `$ref ${absoluteRef} is ${Math.round(info.size / 1024 / 1024)} MB, more than a spec file may be`,
      );
    }
    return super.loadExternalRef(absoluteRef);
  }
}
