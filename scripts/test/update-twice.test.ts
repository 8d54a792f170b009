import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { openapiText, writeText } from "./support/documents.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

describe("spec:update run twice with the same page", () => {
  it("changes nothing the second time, keeping the first changeset", async () => {
    const layout = await tempRepo();
    await writeText(
      layout.fragmentsDir,
      "list_widgets.yaml",
      openapiText([["get", "/v1/widgets/", "list_widgets"]]),
    );
    await generate(layout);
    // Written by hand: a description with a line of one space, which yaml 2 writes back as `\\`.
    const page = `openapi: 3.0.3
info: {title: Thredfi Accounting Platform API, version: 1.0.0}
paths:
  /v1/widgets/{id}/:
    get:
      operationId: get_widget
      description: "Text: a \\"quote\\" and a tab\\t here\\n \\n - item\\n\\t  "
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: OK.}
`;
    const input = await writeText(layout.root, "in/get-widget.yaml", page);
    const first = await runCommandLine("update", [input], { root: layout.root });
    expect(first.stdout).toContain("Spec change (minor)");
    const afterFirst = await snapshotDir(layout.root);
    const second = await runCommandLine("update", [input], { root: layout.root });
    expect(second.stdout).toContain("No change to the spec");
    expect(await snapshotDir(layout.root)).toEqual(afterFirst);
  });
});
