// `pnpm docs:api`: the API reference of @thredfi/client, from its TSDoc, into docs/api/ (not
// committed). Type errors are `pnpm typecheck`'s to report, not this build's.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "@thredfi/client",
  entryPoints: ["packages/client/src/index.ts"],
  tsconfig: "packages/client/tsconfig.json",
  out: "docs/api",
  readme: "packages/client/README.md",
  skipErrorChecking: true,
  excludePrivate: true,
  excludeInternal: true,
  sort: ["kind", "alphabetical"],
  // openapi-typescript writes a schema's description as `@description` in @thredfi/types.
  blockTags: [...OptionDefaults.blockTags, "@description"],
};
