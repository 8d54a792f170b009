import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packing and npm install run once, in beforeAll; each test then starts Prism or tsc.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
