import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyOverlays,
  type Overlay,
  parseOverlay,
  parseTarget,
} from "../../src/bundle/apply-overlay.js";
import { generate } from "../../src/generate.js";
import { SpecError } from "../../src/lib/spec-error.js";
import { parseYaml } from "../../src/lib/yaml.js";
import { REPO_ROOT } from "../../src/repo-layout.js";
import { tempRepo } from "../support/temp-repo.js";

function spec() {
  return {
    openapi: "3.0.3",
    paths: {
      "/a/": {
        get: { responses: { "404": { content: { "application/json": { schema: {} } } } } },
        post: { responses: { "404": { content: { "application/json": { schema: {} } } } } },
      },
      "/b/{id}/": {
        parameters: [{ name: "id" }, { name: "extra" }],
        get: { tags: ["B"], responses: { "200": { description: "" } } },
      },
    },
  };
}

function overlay(...actions: unknown[]): Overlay {
  return parseOverlay({ overlay: "1.0.0", actions }, "test-overlay.yaml");
}

describe("applyOverlays", () => {
  it("merges an update into every object a wildcard target selects", () => {
    const result = applyOverlays(spec(), [
      overlay({
        target: "$.paths[*][*].responses['404'].content['application/json']",
        update: { example: { error_code: "business_not_found" } },
      }),
    ]);
    expect(result.paths["/a/"].get.responses["404"].content["application/json"]).toEqual({
      schema: {},
      example: { error_code: "business_not_found" },
    });
    expect(result.paths["/a/"].post.responses["404"].content["application/json"]).toHaveProperty(
      "example",
    );
  });

  it("merges mappings recursively and replaces scalars", () => {
    const result = applyOverlays(spec(), [
      overlay({
        target: "$.paths['/b/{id}/'].get",
        update: { responses: { "200": { description: "OK" } }, summary: "Get B" },
      }),
    ]);
    expect(result.paths["/b/{id}/"].get).toEqual({
      tags: ["B"],
      summary: "Get B",
      responses: { "200": { description: "OK" } },
    });
  });

  it("appends an update to a list target", () => {
    const result = applyOverlays(spec(), [
      overlay({ target: "$.paths['/b/{id}/'].get.tags", update: "C" }),
    ]);
    expect(result.paths["/b/{id}/"].get.tags).toEqual(["B", "C"]);
  });

  it("removes every node a target selects, list items included", () => {
    const result = applyOverlays(spec(), [
      overlay(
        { target: "$.paths['/b/{id}/'].parameters[*]", remove: true },
        { target: "$.paths['/a/'].post", remove: true },
      ),
    ]);
    expect(result.paths["/b/{id}/"].parameters).toEqual([]);
    expect(Object.keys(result.paths["/a/"])).toEqual(["get"]);
  });

  it("leaves the spec it was given unchanged", () => {
    const original = spec();
    applyOverlays(original, [overlay({ target: "$.paths['/a/']", remove: true })]);
    expect(original).toEqual(spec());
  });

  it("refuses a target that matches nothing, naming the overlay file and the target", () => {
    const run = () =>
      applyOverlays(spec(), [
        overlay({ target: "$.paths['/gone/'].get", update: { summary: "x" } }),
      ]);
    expect(run).toThrow(SpecError);
    expect(run).toThrow(
      "test-overlay.yaml: action 1: target $.paths['/gone/'].get matches nothing",
    );
  });

  it("refuses an update that would reach a prototype, leaving Object.prototype alone", () => {
    const hostile = parseOverlay(
      parseYaml(
        "overlay: 1.0.0\nactions:\n  - target: $.paths\n    update: { __proto__: { polluted: true } }\n",
        "hostile.yaml",
      ),
      "hostile.yaml",
    );
    expect(() => applyOverlays(spec(), [hostile])).toThrow(
      'hostile.yaml: action 1 ($.paths): "update" may not set the key __proto__',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses to merge a mapping into a scalar", () => {
    const run = () =>
      applyOverlays(spec(), [overlay({ target: "$.openapi", update: { major: 3 } })]);
    expect(run).toThrow(/test-overlay.yaml: action 1 \(\$\.openapi\): "update" must be a mapping/);
  });
});

describe("parseTarget", () => {
  it("reads dotted names, quoted names, indexes and wildcards", () => {
    expect(parseTarget(`$.paths["/a/"][*].responses['4\\'04'][0].x`, "t")).toEqual([
      { name: "paths" },
      { name: "/a/" },
      { wildcard: true },
      { name: "responses" },
      { name: "4'04" },
      { index: 0 },
      { name: "x" },
    ]);
  });

  it.each([
    ["paths.a", /must start with \$/],
    ["$..example", /recursive descent/],
    ["$.paths[?(@.get)]", /cannot read/],
    ["$.paths[1:2]", /cannot read/],
  ])("refuses %s with a message naming the target", (target, reason) => {
    expect(() => parseTarget(target, "o.yaml: action 2")).toThrow(reason);
    expect(() => parseTarget(target, "o.yaml: action 2")).toThrow(
      `o.yaml: action 2: unsupported target "${target}"`,
    );
  });
});

describe("parseOverlay", () => {
  it("refuses a document that is not an Overlay 1.0", () => {
    expect(() => parseOverlay({ openapi: "3.0.3" }, "x.yaml")).toThrow(
      'x.yaml: expected "overlay: 1.0.x"',
    );
  });

  it("refuses an action with both update and remove", () => {
    expect(() =>
      parseOverlay(
        { overlay: "1.0.0", actions: [{ target: "$.a", update: {}, remove: true }] },
        "x.yaml",
      ),
    ).toThrow('x.yaml: action 1 ($.a) needs exactly one of "update" and "remove: true"');
  });
});

describe("generate with specs/overlays", () => {
  it("applies the overlays to the bundle and leaves the fragments as they are", async () => {
    const layout = await repoWithSeed();
    const fragmentPath = join(layout.fragmentsDir, "get_partner_token.yaml");
    const fragmentBefore = await readFile(fragmentPath, "utf8");
    await writeOverlay(
      layout.root,
      "$.paths['/v1/platform/oauth2/token/'].post.responses['401'].content['application/json']",
    );
    await generate(layout);
    expect(await readFile(layout.bundlePath, "utf8")).toContain("error: invalid_client");
    expect(await readFile(fragmentPath, "utf8")).toBe(fragmentBefore);
  });

  it("fails naming the overlay file when its target no longer matches the spec", async () => {
    const layout = await repoWithSeed();
    await writeOverlay(layout.root, "$.paths['/v1/platform/gone/'].post");
    await expect(generate(layout)).rejects.toThrow(
      "examples.yaml: action 1: target $.paths['/v1/platform/gone/'].post matches nothing",
    );
  });
});

/** A temp repository holding the seed fragment of this repository. */
async function repoWithSeed() {
  const layout = await tempRepo();
  const name = "get_partner_token.yaml";
  await cp(join(REPO_ROOT, "specs/fragments", name), join(layout.fragmentsDir, name));
  return layout;
}

async function writeOverlay(root: string, target: string): Promise<void> {
  const dir = join(root, "specs/overlays");
  await mkdir(dir, { recursive: true });
  const text = [
    "overlay: 1.0.0",
    "actions:",
    `  - target: "${target}"`,
    "    update:",
    "      example: { error: invalid_client, error_description: Invalid client credentials }",
    "",
  ].join("\n");
  await writeFile(join(dir, "examples.yaml"), text);
}
