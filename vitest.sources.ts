/**
 * Vitest settings that load the workspace's packages from their TypeScript sources (the
 * `@thredfi/source` export condition, which `tsconfig.base.json` sets for tsc too), so a test
 * sees a change in a dependency without a build. The published `exports` omit the condition.
 */
export const workspaceSources = {
  ssr: {
    resolve: { conditions: ["@thredfi/source", "module", "node", "development|production"] },
  },
};
