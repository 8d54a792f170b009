import { type Config, createConfig } from "@redocly/openapi-core";
import { SpecError } from "../lib/spec-error.js";

/**
 * Rules that check an OpenAPI document is correct (structure, references, identities), never its
 * style: Thredfi's trailing slashes and empty `servers` are upstream facts, not defects.
 */
const CORRECTNESS_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId-unique": "error",
  "operation-parameters-unique": "error",
  "path-parameters-defined": "error",
  "path-declaration-must-exist": "error",
  "no-identical-paths": "error",
  "spec-components-invalid-map-name": "error",
} as const;

let correctnessConfig: Promise<Config> | undefined;
let silentConfig: Promise<Config> | undefined;

/** Redocly configuration that enforces {@link CORRECTNESS_RULES} and nothing else. */
export function correctnessRedoclyConfig(): Promise<Config> {
  correctnessConfig ??= createConfig({ rules: CORRECTNESS_RULES }).then(localOnly);
  return correctnessConfig;
}

/** Redocly configuration without rules, for steps that run after validation already passed. */
export function silentRedoclyConfig(): Promise<Config> {
  silentConfig ??= createConfig({ rules: {} }).then(localOnly);
  return silentConfig;
}

/** The message of a refused remote reference. */
export function remoteRefMessage(url: string): string {
  return `$ref ${url} points to a remote document: the spec pipeline reads local files only (save it next to the fragment and refer to it by a relative path)`;
}

/** `config` whose resolver fails at once on an `http(s)://` reference instead of fetching it. */
function localOnly(config: Config): Config {
  config.resolve.http.customFetch = (url: unknown) =>
    Promise.reject(new SpecError(remoteRefMessage(String(url))));
  return config;
}
