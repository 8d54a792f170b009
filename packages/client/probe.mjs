import createClient from "openapi-fetch";
import { createThredfiClient } from "@thredfi/client";
import { createThredfiClient as createAuth } from "@thredfi/auth";
const body = JSON.stringify({ count: 1, results: [{ id: "x", legal_name: "A" }] });
const fetch = async (input) => {
  if (input.url.includes("oauth2")) return new Response(JSON.stringify({ access_token: "tok", token_type: "Bearer", expires_in: 3600 }), { headers: { "content-type": "application/json" } });
  return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
};
const opts = { partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab", apiKey: "k", baseUrl: "https://sandbox.thredfi.com", fetch };
const clients = {
  bare: createClient({ baseUrl: "https://sandbox.thredfi.com", fetch, headers: { Authorization: "Bearer tok" } }),
  auth: createAuth(opts).partner,
  client: createThredfiClient(opts).partner,
  client0: createThredfiClient({ ...opts, maxRetries: 0 }).partner,
};
const which = process.argv[2];
const c = clients[which];
const N = Number(process.argv[3] ?? 3000);
for (let i = 0; i < 200; i++) await c.GET("/v1/platform/businesses/");
const t = performance.now();
for (let i = 0; i < N; i++) await c.GET("/v1/platform/businesses/");
console.log(which, ((performance.now() - t) / N * 1000).toFixed(1), "us/req");
