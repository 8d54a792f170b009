import { buildClient } from "/work/main/bench/src/clients/registry.js";
import { createAnsweringFetch } from "/work/main/bench/src/fake-thredfi/index.js";
const names = process.argv.slice(2);
const reqs = names.map((name) => { const a = createAnsweringFetch(); return buildClient("instructions", name, { baseUrl: "https://sandbox.thredfi.com", fetch: a.fetch }); });
for (const r of reqs) for (let i = 0; i < 500; i++) await r();
const best = names.map(() => Infinity);
for (let round = 0; round < 15; round++) {
  for (const [k, r] of reqs.entries()) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) await r();
    const ns = Number(process.hrtime.bigint() - t) / 2000;
    if (ns < best[k]) best[k] = ns;
  }
}
names.forEach((n, k) => console.log((best[k] / best[0]).toFixed(3), Math.round(best[k]), n));
