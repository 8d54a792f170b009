import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYaml } from "../../src/lib/yaml.js";
import { REPO_ROOT } from "../../src/repo-layout.js";
import { FIXTURES } from "../support/temp-repo.js";

const yamlFiles = [
  ...readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(FIXTURES, file)),
  ...readdirSync(join(REPO_ROOT, "specs/fragments"), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(REPO_ROOT, "specs/fragments", file)),
  join(REPO_ROOT, "specs/thredfi.yaml"),
];

describe("parseYaml", () => {
  it.each(yamlFiles.map((file) => [file.slice(REPO_ROOT.length + 1), file]))(
    "reads %s as yaml (YAML 1.2 core) does",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      expect(parseYaml(text, "t")).toEqual(parse(text, { merge: true }));
    },
  );

  it("keeps dates, versions, octals and yes/no as YAML 1.2 reads them", () => {
    const text = "a: 2024-01-31\nb: 1.10\nc: 0o17\nd: yes\ne: ~\nf: '007'\ng: 1e3\nh: .inf\n";
    expect(parseYaml(text, "t")).toEqual(parse(text));
    expect(parseYaml(text, "t")).toMatchObject({ a: "2024-01-31", d: "yes", c: 15 });
  });

  it("refuses a duplicate key, naming the source", () => {
    expect(() => parseYaml("a: 1\na: 2\n", "page.yaml")).toThrow(
      /^page\.yaml: YAML does not parse/,
    );
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    expect(() => parseYaml(`${bomb.join("\n")}\n`, "bomb.yaml")).toThrow(/bomb\.yaml/);
  });
});
