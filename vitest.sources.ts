import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The export condition under which the workspace's packages point at their TypeScript sources. */
const SOURCE_CONDITION = "@thredfi/source";

/**
 * Vitest settings that load the workspace's packages from their TypeScript sources (the
 * `@thredfi/source` export condition, which `tsconfig.base.json` sets for tsc too), so a test
 * sees a change in a dependency without a build. The published `exports` omit the condition.
 */
export const workspaceSources = {
  ssr: {
    resolve: { conditions: [SOURCE_CONDITION, "module", "node", "development|production"] },
  },
};

/**
 * Absolute path of the source file that a workspace package exports under `specifier` (such as
 * `@thredfi/mock/vitest`), found from the config file at `configUrl`. For the settings Vitest
 * resolves without export conditions, such as `globalSetup`.
 */
export function sourceOf(specifier: string, configUrl: string): string {
  const [scope = "", name = "", ...subpath] = specifier.split("/");
  const manifestPath = createRequire(configUrl).resolve(`${scope}/${name}/package.json`);
  const { exports } = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports?: Record<string, Record<string, unknown>>;
  };
  const target = exports?.[["."].concat(subpath).join("/")]?.[SOURCE_CONDITION];
  if (typeof target !== "string") {
    throw new Error(`${specifier} has no "${SOURCE_CONDITION}" export in ${manifestPath}`);
  }
  return join(dirname(manifestPath), target);
}
