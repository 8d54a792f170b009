import type { Log } from "./config.js";
import type { ThredfiAuthError } from "./errors.js";

/** Runs a token request, logging its start at `info` and its failure (with the code) at `warn`. */
export function logged<T>(log: Log, what: string, request: () => Promise<T>): Promise<T> {
  log("info", `fetching ${what}`);
  return request().catch((error: ThredfiAuthError) => {
    log("warn", `fetching ${what} failed: ${error.code}`);
    throw error;
  });
}
