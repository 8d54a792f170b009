import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL("../src/", import.meta.url));
const sources = readdirSync(srcDir)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => ({ file, code: readFileSync(srcDir + file, "utf8") }));

describe("runtime portability (Node, Deno, Bun, browsers)", () => {
  it("finds the package sources", () => {
    expect(sources.map((s) => s.file)).toContain("index.ts");
  });

  it.each([
    // Static, side-effect and dynamic imports alike.
    ["node: imports", /["'`]node:/],
    ["bare Node built-in imports", /from\s+["'](fs|http|https|crypto|buffer|util|url|net)["']/],
    ["Buffer", /\bBuffer\b/],
    ["process", /\bprocess\./],
    ["require()", /\brequire\(/],
    ["imports of @thredfi/mock or scripts", /from\s+["']@thredfi\/(mock|scripts)/],
  ])("the sources use no %s", (_, pattern) => {
    const offenders = sources.filter(({ code }) => pattern.test(code)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
