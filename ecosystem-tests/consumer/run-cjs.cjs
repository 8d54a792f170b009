// Loads every installed package with `require()` and makes real requests through them against a
// mock started from the installed @thredfi/mock; prints one JSON report line. Arguments: the
// names of the packed packages, whose main entry points it resolves.
const { createThredfiClient, ThredfiAuthError } = require("@thredfi/client");
const { bundledSpecPath, startMock } = require("@thredfi/mock");
const types = require("@thredfi/types");

async function main() {
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
          process.argv.slice(2).map((name) => [name, require.resolve(name)]),
        ),
        resolved: {
          types: require.resolve("@thredfi/types"),
          auth: require.resolve("@thredfi/auth"),
          client: require.resolve("@thredfi/client"),
          mock: require.resolve("@thredfi/mock"),
          mockSpec: require.resolve("@thredfi/mock/thredfi.yaml"),
        },
        mockVitestRequireError: requireErrorCode("@thredfi/mock/vitest"),
        typesRuntimeExports: Object.keys(types),
        authErrorIsClass: typeof ThredfiAuthError === "function",
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
}

function requireErrorCode(specifier) {
  try {
    require(specifier);
    return undefined;
  } catch (error) {
    return error.code;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
