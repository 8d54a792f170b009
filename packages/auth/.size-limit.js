// The bundle is measured as ES module output, the way a user's bundler includes the package:
// esbuild's default (an IIFE) would add `require` interop for the ignored openapi-fetch that no
// ESM consumer pays for.
export default [
  {
    name: "@thredfi/auth, every export, min+brotli, dependencies excluded",
    path: "dist/index.js",
    import: "*",
    ignore: ["openapi-fetch", "@thredfi/types"],
    limit: "4.8 kB",
    modifyEsbuildConfig: (config) => ({ ...config, format: "esm" }),
  },
];
