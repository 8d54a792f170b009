// Loads every installed package with `import` and makes real requests through them against a
// mock started from the installed @thredfi/mock; prints one JSON report line. Arguments: the
// names of the packed packages, whose main entry points it resolves.
import { createThredfiClient, ThredfiAuthError } from "@thredfi/client";
import { bundledSpecPath, startMock } from "@thredfi/mock";
import mockGlobalSetup from "@thredfi/mock/vitest";
import * as types from "@thredfi/types";

const mock = await startMock();
try {
  const thredfi = createThredfiClient({
    partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab",
    apiKey: "pack-test-api-key",
    baseUrl: mock.url,
  });
  const token = await thredfi.tokens.partner();
  const businesses = await thredfi.partner.GET("/v1/platform/businesses/");
  console.log(
    JSON.stringify({
      main: Object.fromEntries(
        process.argv.slice(2).map((name) => [name, import.meta.resolve(name)]),
      ),
      resolved: {
        types: import.meta.resolve("@thredfi/types"),
        auth: import.meta.resolve("@thredfi/auth"),
        client: import.meta.resolve("@thredfi/client"),
        mock: import.meta.resolve("@thredfi/mock"),
        mockVitest: import.meta.resolve("@thredfi/mock/vitest"),
        mockSpec: import.meta.resolve("@thredfi/mock/thredfi.yaml"),
      },
      typesRuntimeExports: Object.keys(types),
      authErrorIsClass: typeof ThredfiAuthError === "function",
      mockGlobalSetup: typeof mockGlobalSetup,
      bundledSpec: bundledSpecPath(),
      tokenType: token.token_type,
      accessTokenLength: token.access_token.length,
      expiresIn: token.expires_in,
      businessesStatus: businesses.response.status,
      businessesViolations: businesses.response.headers.get("sl-violations"),
    }),
  );
} finally {
  await mock.close();
}
