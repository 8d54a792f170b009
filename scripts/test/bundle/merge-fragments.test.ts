import { describe, expect, it } from "vitest";
import { mergeFragments } from "../../src/bundle/merge-fragments.js";

const info = { title: "Thredfi", version: "1.0.0" };
const op = (operationId: string) => ({ operationId, responses: { "200": { description: "ok" } } });

describe("mergeFragments", () => {
  it("produces the same bundle whatever the order of paths and components inside fragments", () => {
    const a = {
      openapi: "3.0.3",
      info,
      paths: { "/b/": { get: op("b") }, "/a/": { get: op("a") } },
    };
    const b = { openapi: "3.0.3", info, paths: { "/c/": { get: op("c") } } };
    const merged = mergeFragments([
      { file: "a.yaml", doc: a },
      { file: "b.yaml", doc: b },
    ]);
    expect(Object.keys(merged.paths as object)).toEqual(["/a/", "/b/", "/c/"]);
  });

  it("orders the methods of one path the way the specification lists them", () => {
    const merged = mergeFragments([
      { file: "post.yaml", doc: { openapi: "3.0.3", info, paths: { "/x/": { post: op("p") } } } },
      { file: "get.yaml", doc: { openapi: "3.0.3", info, paths: { "/x/": { get: op("g") } } } },
    ]);
    expect(Object.keys((merged.paths as Record<string, object>)["/x/"] ?? {})).toEqual([
      "get",
      "post",
    ]);
  });

  it("takes info from the first fragment and the highest 3.0 patch version", () => {
    const merged = mergeFragments([
      { file: "a.yaml", doc: { openapi: "3.0.1", info, paths: {} } },
      { file: "b.yaml", doc: { openapi: "3.0.3", info: { ...info, version: "2" }, paths: {} } },
    ]);
    expect(merged.openapi).toBe("3.0.3");
    expect(merged.info).toEqual(info);
  });

  it("rejects one operationId used by two operations, naming both files", () => {
    expect(() =>
      mergeFragments([
        { file: "a.yaml", doc: { openapi: "3.0.3", info, paths: { "/a/": { get: op("same") } } } },
        { file: "b.yaml", doc: { openapi: "3.0.3", info, paths: { "/b/": { get: op("same") } } } },
      ]),
    ).toThrow("operationId same: used by GET /a/ and GET /b/ in a.yaml and b.yaml");
  });

  it("rejects fragments of different OpenAPI minor versions and different default security", () => {
    expect(() =>
      mergeFragments([
        { file: "a.yaml", doc: { openapi: "3.0.3", info, security: [], paths: {} } },
        { file: "b.yaml", doc: { openapi: "3.1.0", info, security: [{ Basic: [] }], paths: {} } },
      ]),
    ).toThrow(
      /openapi: 3\.0\.3 vs 3\.1\.0 in a\.yaml and b\.yaml\n {2}security: defined differently/,
    );
  });
});
