import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toYamlText } from "../../src/lib/yaml.js";

/** Every string of up to `length` characters from `alphabet`. */
function* strings(alphabet: string[], length: number): Generator<string> {
  yield "";
  if (length === 0) return;
  for (const prefix of strings(alphabet, length - 1)) {
    if (prefix.length === length - 1) for (const character of alphabet) yield prefix + character;
  }
}

/** `count` strings of pieces that trip YAML writers, from a fixed seed. */
function awkwardStrings(count: number): string[] {
  const pieces = ["word", " ", "  ", "\n", "\t", "'", '"', ": ", " #", "é", "\\", "- "];
  let seed = 1;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * 12)]).join(
      "",
    ),
  );
}

const roundTrips = (text: string) => {
  const data = { paths: { "/x/": { get: { description: text, enum: [text] } } } };
  return JSON.stringify(parse(toYamlText(data))) === JSON.stringify(data);
};

describe("toYamlText", () => {
  it("gives back every short string of letters, spaces, tabs and line breaks after a parse", () => {
    const lost = [...strings(["a", " ", "\t", "\n"], 4)].filter((text) => !roundTrips(text));
    expect(lost).toEqual([]);
  });

  it("gives back long strings of quotes, escapes, tabs and blank lines after a parse", () => {
    expect(awkwardStrings(400).filter((text) => !roundTrips(text))).toEqual([]);
  });
});
