import { readFile, rm, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BUNDLE_HEADER } from "../src/bundle/render.js";
import { generate } from "../src/generate.js";
import { SpecError } from "../src/lib/spec-error.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

const GADGETS = ["merge/list-gadgets.yaml", "merge/delete-gadget.yaml"];

describe("generate", () => {
  it("merges fragments into one bundle with sorted paths and a generated-file header", async () => {
    const layout = await tempRepo(GADGETS);
    const result = await generate(layout);

    const text = await readFile(layout.bundlePath, "utf8");
    expect(text.startsWith(BUNDLE_HEADER)).toBe(true);
    const bundle = parse(text);
    expect(Object.keys(bundle.paths)).toEqual(["/v1/gadgets/", "/v1/gadgets/{gadget_id}/"]);
    expect(bundle.openapi).toBe("3.0.3");
    expect(bundle.tags).toEqual([{ name: "Gadgets" }]);
    expect(result.operationCount).toBe(2);
    expect(result.changedFiles).toEqual([layout.bundlePath, layout.typesPath]);
  });

  it("keeps one copy of a component that two fragments define identically", async () => {
    const layout = await tempRepo(GADGETS);
    await generate(layout);
    const bundle = parse(await readFile(layout.bundlePath, "utf8"));
    expect(Object.keys(bundle.components.schemas)).toEqual(["ErrorResponse"]);
    const types = await readFile(layout.typesPath, "utf8");
    expect(types.match(/export type ErrorResponse = /g)).toHaveLength(1);
  });

  it("rejects a component defined differently in two fragments, naming both files and the key", async () => {
    const layout = await tempRepo([...GADGETS, "merge/conflicting-error.yaml"]);
    const failure = generate(layout);
    await expect(failure).rejects.toThrow(SpecError);
    await expect(failure).rejects.toThrow(
      "components.schemas.ErrorResponse: defined differently in conflicting-error.yaml and delete-gadget.yaml",
    );
    expect(await snapshotDir(layout.root)).not.toHaveProperty("specs/thredfi.yaml");
  });

  it("rejects a path+method defined differently in two fragments, naming both files", async () => {
    const layout = await tempRepo([...GADGETS, "merge/conflicting-operation.yaml"]);
    await expect(generate(layout)).rejects.toThrow(
      "GET /v1/gadgets/: defined differently in conflicting-operation.yaml and list-gadgets.yaml",
    );
  });

  it("resolves relative $refs of a fragment split across files into named components", async () => {
    const layout = await tempRepo(["split/get-gadget.yaml", "split/schemas", GADGETS[0] ?? ""]);
    await generate(layout);
    const bundle = parse(await readFile(layout.bundlePath, "utf8"));
    const get = bundle.paths["/v1/gadgets/{gadget_id}/"].get;
    expect(get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Gadget",
    });
    expect(get.parameters).toEqual([{ $ref: "#/components/parameters/GadgetId" }]);
    expect(bundle.components.schemas.Gadget.required).toEqual(["id"]);
    // list-gadgets.yaml defines the same ErrorResponse inline: one copy remains.
    expect(Object.keys(bundle.components.schemas)).toEqual(["ErrorResponse", "Gadget"]);
    const types = await readFile(layout.typesPath, "utf8");
    expect(types).toContain("export type Gadget = components['schemas']['Gadget'];");
  });

  it("rejects a fragment whose $ref points at a missing file", async () => {
    const layout = await tempRepo(["split/get-gadget.yaml"]);
    await expect(generate(layout)).rejects.toThrow(
      /get-gadget\.yaml is not valid OpenAPI:\n {2}Can't resolve \$ref/,
    );
  });

  it("warns about a property OpenAPI does not define, naming its file, and still generates", async () => {
    const layout = await tempRepo(GADGETS);
    await writeFile(
      `${layout.fragmentsDir}/broken.yaml`,
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /x/:\n    get:\n      operationId: x\n      responses: {}\n      colour: red\n",
    );
    const result = await generate(layout);
    expect(result.warnings.join("\n")).toContain(
      "Property `colour` is not expected here. (at #/paths/~1x~1/get/colour in broken.yaml)",
    );
    expect(result.operationCount).toBe(3);
  });

  it("rejects a bundle with a $ref that does not resolve, naming the fragment", async () => {
    const layout = await tempRepo(GADGETS);
    await writeFile(
      `${layout.fragmentsDir}/broken.yaml`,
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /x/:\n    get:\n      operationId: x\n      responses:\n        '200': {$ref: '#/components/responses/Missing'}\n",
    );
    await expect(generate(layout)).rejects.toThrow(
      /Can't resolve \$ref \(at #\/paths\/~1x~1\/get\/responses\/200 in broken\.yaml\)/,
    );
  });

  it("recreates deleted outputs byte for byte", async () => {
    const layout = await tempRepo(GADGETS);
    await generate(layout);
    const first = await snapshotDir(layout.root);
    await rm(layout.bundlePath);
    await rm(layout.typesPath);
    await generate(layout);
    expect(await snapshotDir(layout.root)).toEqual(first);
    expect((await generate(layout)).changedFiles).toEqual([]);
  });
});

describe("generate --check", () => {
  it("passes on fresh outputs and fails, writing nothing, when an output drifted", async () => {
    const layout = await tempRepo(GADGETS);
    await generate(layout);
    expect((await runCommandLine("generate", ["--check"], { root: layout.root })).status).toBe(0);

    await writeFile(layout.typesPath, "export type Drifted = true;\n");
    const before = await snapshotDir(layout.root);
    const run = await runCommandLine("generate", ["--check"], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("packages/types/src/openapi.ts");
    expect(run.stderr).not.toContain("specs/thredfi.yaml");
    expect(run.stderr).toContain("Run `pnpm generate`");
    expect(await snapshotDir(layout.root)).toEqual(before);
  });

  it("reports a conflict as an error message, not a stack trace", async () => {
    const layout = await tempRepo([...GADGETS, "merge/conflicting-error.yaml"]);
    const run = await runCommandLine("generate", [], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error: Fragments conflict");
    expect(run.stderr).not.toContain("    at ");
  });
});
