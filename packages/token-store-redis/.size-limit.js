// Measured as ES module output, the way a user's bundler includes the package; node-redis and
// the Node built-ins are the user's to load, not part of the budget.
export default [
  {
    name: "@thredfi/token-store-redis, every export, min+brotli, dependencies excluded",
    path: "dist/index.js",
    import: "*",
    ignore: ["@redis/client", "node:crypto", "node:timers/promises"],
    limit: "2.5 kB",
    modifyEsbuildConfig: (config) => ({ ...config, format: "esm", platform: "node" }),
  },
];
