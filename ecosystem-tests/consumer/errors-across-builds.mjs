// An error thrown by the CommonJS copy of each package must be `instanceof` the classes of its
// ES module copy, and the other way round: a project can load both (a CJS dependency of an ESM app).
import { createRequire } from "node:module";
import * as esmAuth from "@thredfi/auth";
import * as esmClient from "@thredfi/client";

const require = createRequire(import.meta.url);
const cjsAuth = require("@thredfi/auth");
const cjsClient = require("@thredfi/client");

function refusal(client) {
  try {
    client.createThredfiClient({ partnerId: "not-a-uuid", apiKey: "k" });
  } catch (error) {
    return error;
  }
  throw new Error("expected invalid_config");
}

async function apiError(client) {
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url.includes("oauth2")) {
      res.end(JSON.stringify({ access_token: "t", token_type: "Bearer", expires_in: 3600 }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: "missing", error_code: "not_found" }));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const thredfi = client.createThredfiClient({
      partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab",
      apiKey: "k",
      baseUrl: `http://127.0.0.1:${server.address().port}`,
      logger: {},
      throwOnError: true,
    });
    await thredfi.partner.GET("/v1/platform/businesses/");
  } catch (error) {
    return error;
  } finally {
    server.close();
  }
  throw new Error("expected a 404");
}

const report = {};
for (const [from, to, lib] of [
  ["cjs", "esm", { thrower: cjsClient, auth: esmAuth, client: esmClient }],
  ["esm", "cjs", { thrower: esmClient, auth: cjsAuth, client: cjsClient }],
]) {
  const config = refusal(lib.thrower);
  const notFound = await apiError(lib.thrower);
  report[`${from}->${to}`] = {
    authError: config instanceof lib.auth.ThredfiAuthError,
    baseError:
      config instanceof lib.auth.ThredfiError && notFound instanceof lib.client.ThredfiError,
    apiError: notFound instanceof lib.client.ThredfiApiError,
    notFoundError: notFound instanceof lib.client.ThredfiNotFoundError,
    notOtherSubclass: !(notFound instanceof lib.client.ThredfiConflictError),
  };
}
console.log(JSON.stringify(report));
