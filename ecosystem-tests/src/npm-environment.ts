/**
 * A registry address on loopback that nothing listens on: a publish that somehow were not a
 * dry run would fail to connect instead of reaching a real registry.
 */
export const UNREACHABLE_REGISTRY = "http://127.0.0.1:9/";

/** Settings that say how to reach the registry; a developer's or CI's own values are kept. */
const registryAccessSettings = new Set([
  "npm_config_registry",
  "npm_config_cache",
  "npm_config_proxy",
  "npm_config_https_proxy",
  "npm_config_noproxy",
  "npm_config_cafile",
  "npm_config_strict_ssl",
]);

/**
 * The environment for npm in a project outside the workspace: this process's environment
 * without the `npm_*` and `pnpm_*` variables that pnpm hands to the scripts it runs (they would
 * make npm act as part of a pnpm run), except those that say how to reach the registry.
 */
export function outsideWorkspaceEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => {
      const name = key.toLowerCase();
      const setByPackageManager = name.startsWith("npm_") || name.startsWith("pnpm_");
      return !setByPackageManager || registryAccessSettings.has(name);
    }),
  );
}

/**
 * The environment for `npm publish --dry-run`: no variable that could carry a credential or
 * name a registry, empty user and global npm configs, and {@link UNREACHABLE_REGISTRY}.
 */
export function dryRunPublishEnvironment(emptyNpmrcs: {
  user: string;
  global: string;
}): NodeJS.ProcessEnv {
  const environment = Object.fromEntries(
    Object.entries(outsideWorkspaceEnvironment()).filter(
      ([key]) => !/token|auth|registry|npmrc|userconfig|globalconfig/i.test(key),
    ),
  );
  return {
    ...environment,
    npm_config_userconfig: emptyNpmrcs.user,
    npm_config_globalconfig: emptyNpmrcs.global,
    npm_config_registry: UNREACHABLE_REGISTRY,
  };
}
