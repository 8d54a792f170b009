import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { prismCliPath } from "../src/paths.js";

const germanSpec = fileURLToPath(new URL("fixtures/german-countries.yaml", import.meta.url));

/** The country names of one locale of the faker Prism generates with. */
function countriesOf(locale: string): string[] {
  const fromPrismHttp = createRequire(
    createRequire(prismCliPath()).resolve("@stoplight/prism-http/package.json"),
  );
  const faker = fromPrismHttp(`@faker-js/faker/locale/${locale}`) as {
    locales: Record<string, { address: { country: string[] } }>;
  };
  return faker.locales[locale]?.address.country ?? [];
}

// The mock's Prism loads faker's locales on demand instead of all at start; a spec that names a
// locale must still get it.
describe("dynamic answers", () => {
  it("come in the locale the spec's x-json-schema-faker names", async () => {
    const mock = await startMock({ spec: germanSpec, dynamic: true, seed: 7 });
    try {
      const response = await fetch(`${mock.url}/countries`);
      expect(response.status).toBe(200);
      const countries = (await response.json()) as string[];
      expect(countries).toHaveLength(8);
      const german = countriesOf("de");
      const english = countriesOf("en");
      expect(german.length).toBeGreaterThan(100);
      expect(countries.filter((country) => !german.includes(country))).toEqual([]);
      expect(countries.filter((country) => !english.includes(country)).length).toBeGreaterThan(0);
    } finally {
      await mock.close();
    }
  });
});
