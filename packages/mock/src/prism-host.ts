import { thredfiAnswersSource } from "./thredfi-answers.js";

/**
 * Source of the Node process that hosts Prism, run with `node -e <source> <prism-cli.js> ...args`.
 *
 * Prism runs inside this very process (one process, one PID to kill), and the process exits as
 * soon as its parent is gone: the parent holds the only write end of its stdin pipe, which the OS
 * closes however the parent ends — SIGKILL included — so stdin reaches end-of-file. Polling the
 * parent PID (which changes when the process is re-parented) backs that up.
 *
 * With `-e`, `process.argv` is `[node, prism-cli.js, ...args]`: exactly what Prism's own command
 * line parser expects.
 *
 * Before Prism loads, the host hands it a faker that loads its locales on demand. The main entry
 * of the faker Prism depends on loads all 57 locales, about a third of Prism's start-up CPU,
 * while Prism reads only its default export (English unless a spec's `x-json-schema-faker` asks
 * for another locale, which then loads when first used). Where faker is not laid out this way,
 * Prism loads its own.
 *
 * When `startMock()` serves the bundled Thredfi spec, the host also answers what Prism cannot
 * (see {@link thredfiAnswersSource}): a business token for any business, and the 429 and 5xx
 * answers of `Prefer: code=…`.
 */
export const prismHostSource = `"use strict";
const parentPid = process.ppid;
const exitWithParent = () => process.exit(0);
process.stdin.on("end", exitWithParent);
process.stdin.on("error", exitWithParent);
process.stdin.resume();
setInterval(() => {
  if (process.ppid !== parentPid) exitWithParent();
}, 500).unref();
try {
  const { createRequire } = require("node:module");
  const fromPrismHttp = createRequire(
    createRequire(process.argv[1]).resolve("@stoplight/prism-http/package.json"),
  );
  const english = fromPrismHttp("@faker-js/faker/locale/en");
  const locales = new Proxy(
    { en: english.locales.en },
    {
      get(loaded, name) {
        if (typeof name === "string" && !(name in loaded)) {
          try {
            loaded[name] = fromPrismHttp("@faker-js/faker/locale/" + name).locales[name];
          } catch {}
        }
        return loaded[name];
      },
    },
  );
  const Faker = english.constructor;
  const faker = new Faker({ locale: "en", localeFallback: "en", locales });
  const main = fromPrismHttp.resolve("@faker-js/faker");
  require.cache[main] = {
    id: main,
    filename: main,
    loaded: true,
    exports: { __esModule: true, Faker, default: faker, faker },
  };
} catch {}
${thredfiAnswersSource}
require(process.argv[1]);
`;
