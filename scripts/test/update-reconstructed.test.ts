import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadFragment } from "../src/bundle/load-fragments.js";
import { generate } from "../src/generate.js";
import { isRecord, listOperations, type OpenApiDocument } from "../src/lib/openapi-document.js";
import { parseYaml } from "../src/lib/yaml.js";
import { REPO_ROOT, type RepoLayout } from "../src/repo-layout.js";
import { runCommandLine, tempRepo } from "./support/temp-repo.js";

const FRAGMENT = "create_customer.yaml";

/** A temp repository holding this repository's fragments and overlays, generated once. */
async function repoWithRealSpecs(): Promise<RepoLayout> {
  const layout = await tempRepo();
  await cp(join(REPO_ROOT, "specs/fragments"), layout.fragmentsDir, { recursive: true });
  await cp(join(REPO_ROOT, "specs/overlays"), join(layout.root, "specs/overlays"), {
    recursive: true,
  });
  await generate(layout);
  return layout;
}

/**
 * The docs page Thredfi would publish for create_customer: the reconstructed fragment made
 * self-contained, without the reconstruction marks, its request now requiring external_id,
 * in a fence of four backticks opened as `yaml POST <path>`.
 */
async function realPageFor(layout: RepoLayout): Promise<string> {
  const { doc } = await loadFragment(join(layout.fragmentsDir, FRAGMENT), FRAGMENT);
  const real = structuredClone(doc) as OpenApiDocument;
  for (const { operation } of listOperations(real)) {
    delete operation["x-thredfi-reconstructed"];
    delete operation["x-thredfi-source"];
  }
  const schemas =
    isRecord(real.components) && isRecord(real.components.schemas) ? real.components.schemas : {};
  const request = schemas.CreateCustomerRequest;
  if (!isRecord(request)) throw new Error("create_customer has no CreateCustomerRequest schema");
  request.required = ["external_id"];
  return [
    "# Create a customer",
    "",
    "## OpenAPI",
    "",
    "````yaml POST /v1/platform/businesses/{business_id}/customers/",
    stringify(real).trimEnd(),
    "````",
    "",
  ].join("\n");
}

describe("spec:update on a reconstructed fragment", () => {
  it("replaces the reconstruction with the real document from a saved docs page", async () => {
    const layout = await repoWithRealSpecs();
    const pagePath = join(layout.root, "download/create-customer.md");
    await mkdir(join(layout.root, "download"), { recursive: true });
    await writeFile(pagePath, await realPageFor(layout));
    const before = await readFile(join(layout.fragmentsDir, FRAGMENT), "utf8");
    expect(before).toContain("x-thredfi-reconstructed: true");

    const run = await runCommandLine("update", ["create-customer.md"], {
      root: layout.root,
      cwd: join(layout.root, "download"),
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);

    const fragment = await readFile(join(layout.fragmentsDir, FRAGMENT), "utf8");
    expect(fragment).not.toContain("x-thredfi-reconstructed");
    expect(fragment).not.toContain("$ref: ./schemas/");
    const holders = await fragmentsHolding(layout, "create_customer");
    expect(holders).toEqual([FRAGMENT]);

    const bundle = await readFile(layout.bundlePath, "utf8");
    expect(bundle.match(/operationId: create_customer\n/g)).toHaveLength(1);
    expect(await readFile(layout.typesPath, "utf8")).toMatch(
      /CreateCustomerRequest: \{[^}]*?\n\s+external_id: string;/,
    );
    const check = await runCommandLine("generate", ["--check"], { root: layout.root });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});

/** The fragment files of `layout` whose operations include `operationId`. */
async function fragmentsHolding(layout: RepoLayout, operationId: string): Promise<string[]> {
  const files = (await readdir(layout.fragmentsDir)).filter((name) => name.endsWith(".yaml"));
  const holders: string[] = [];
  for (const file of files) {
    const doc = parseYaml(await readFile(join(layout.fragmentsDir, file), "utf8"), file);
    if (!isRecord(doc)) continue;
    const ids = listOperations(doc).map(({ operation }) => operation.operationId);
    if (ids.includes(operationId)) holders.push(file);
  }
  return holders;
}
