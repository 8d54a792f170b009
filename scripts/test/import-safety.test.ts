import { describe, expect, it } from "vitest";
import { openapiText, writeText } from "./support/documents.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

const BUSINESSES = openapiText([
  ["get", "/v1/platform/businesses/", "list_businesses"],
  ["post", "/v1/platform/businesses/", "create_business"],
  ["get", "/v1/platform/businesses/{id}/", "get_business"],
  ["delete", "/v1/platform/businesses/{id}/", "delete_business"],
]);

async function repoWithBusinesses() {
  const layout = await tempRepo();
  await writeText(layout.fragmentsDir, "businesses.yaml", BUSINESSES);
  return layout;
}

async function importText(root: string, name: string, text: string) {
  const inputDir = `${root}/input`;
  await writeText(inputDir, name, text);
  const before = await snapshotDir(`${root}/specs`);
  const run = await runCommandLine("import", [name], { root, cwd: inputDir });
  return { run, before, after: await snapshotDir(`${root}/specs`) };
}

describe("spec:import never removes an operation it was not given", () => {
  it("refuses a document whose operationId names an existing fragment of other operations", async () => {
    const layout = await repoWithBusinesses();
    const { run, before, after } = await importText(
      layout.root,
      "page.yaml",
      openapiText([["get", "/v1/platform/business-summary/", "businesses"]]),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("businesses (GET /v1/platform/business-summary/)");
    expect(run.stderr).toContain("list_businesses (GET /v1/platform/businesses/)");
    expect(after).toEqual(before);
  });

  it("refuses a document that reuses an operationId for another path and method", async () => {
    const layout = await repoWithBusinesses();
    const { run, before, after } = await importText(
      layout.root,
      "page.yaml",
      openapiText([["put", "/v1/platform/companies/", "create_business"]]),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("create_business (PUT /v1/platform/companies/)");
    expect(run.stderr).toContain("create_business (POST /v1/platform/businesses/)");
    expect(after).toEqual(before);
  });

  it("refuses a re-import of a several-operation fragment that drops one of its operations", async () => {
    const layout = await repoWithBusinesses();
    const { run, before, after } = await importText(
      layout.root,
      "businesses.yaml",
      openapiText([
        ["get", "/v1/platform/businesses/", "list_businesses"],
        ["post", "/v1/platform/businesses/", "create_business"],
      ]),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("get_business (GET /v1/platform/businesses/{id}/)");
    expect(after).toEqual(before);
  });

  it("still moves the same path and method out of another fragment, under a new operationId", async () => {
    const layout = await repoWithBusinesses();
    const { run, after } = await importText(
      layout.root,
      "page.yaml",
      openapiText([["post", "/v1/platform/businesses/", "create_company"]]),
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(Object.keys(after).sort()).toEqual([
      "fragments/businesses.yaml",
      "fragments/create_company.yaml",
    ]);
    expect(after["fragments/businesses.yaml"]).not.toContain("create_business");
    expect(after["fragments/businesses.yaml"]).toContain("delete_business");
  });
});

describe("spec:import into the file of the operationId it reuses", () => {
  it("refuses the operationId of a one-operation fragment for another path and method", async () => {
    const layout = await tempRepo();
    await writeText(
      layout.fragmentsDir,
      "create_business.yaml",
      openapiText([["post", "/v1/platform/businesses/", "create_business"]]),
    );
    const { run, before, after } = await importText(
      layout.root,
      "page.yaml",
      openapiText([["put", "/v1/platform/companies/", "create_business"]]),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("create_business (PUT /v1/platform/companies/)");
    expect(run.stderr).toContain("create_business (POST /v1/platform/businesses/)");
    expect(after).toEqual(before);
  });
});
