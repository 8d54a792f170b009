import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { repoLayout } from "../src/repo-layout.js";

/**
 * openapi-typescript turns a schema that is an object with no properties into
 * `Record<string, never>`: a type no value but `{}` satisfies, so a consumer cannot send or read
 * the open objects the docs show (`metadata`, `references`, `tags`). Open objects are written
 * `additionalProperties: true` instead. The two roots openapi-typescript always emits for a spec
 * without webhooks or `$defs` are the only empty objects allowed.
 */
const ROOTS_WITHOUT_CONTENT = [
  "export type webhooks = Record<string, never>;",
  "export type $defs = Record<string, never>;",
];

describe("the generated types of @thredfi/types", () => {
  it("contain no Record<string, never> but the two empty roots", async () => {
    const types = await readFile(repoLayout().typesPath, "utf8");
    const offending = types
      .split("\n")
      .map((line, index) => ({ line: line.trim(), number: index + 1 }))
      .filter(({ line }) => line.includes("Record<string, never>"))
      .filter(({ line }) => !ROOTS_WITHOUT_CONTENT.includes(line));
    expect(offending).toEqual([]);
  });
});
