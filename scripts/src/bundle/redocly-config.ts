import { type Config, createConfig } from "@redocly/openapi-core";
import { SpecError } from "../lib/spec-error.js";

/**
 * Rules that check an OpenAPI document is correct (structure, references, identities), never its
 * style: Thredfi's trailing slashes and empty `servers` are upstream facts, not defects. Errors
 * are what the pipeline needs (types from unresolved references or with two `operations` under
 * one key would be wrong); the rest openapi-typescript tolerates, so they only warn.
 */
const CORRECTNESS_RULES = {
  "no-unresolved-refs": "error",
  "operation-operationId-unique": "error",
  struct: "warn",
  "operation-parameters-unique": "warn",
  "path-parameters-defined": "warn",
  "path-declaration-must-exist": "warn",
  "no-identical-paths": "warn",
  "spec-components-invalid-map-name": "warn",
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
