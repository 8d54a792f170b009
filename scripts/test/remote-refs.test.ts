import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { SpecError } from "../src/lib/spec-error.js";
import { openapiText, writeText } from "./support/documents.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

// A server that accepts connections and never answers: a fetch of it would hang the pipeline.
let server: Server;
let requests = 0;
let base = "";

beforeEach(async () => {
  requests = 0;
  server = createServer(() => {
    requests++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function withRemoteSchema(url: string): string {
  return openapiText([
    [
      "get",
      "/v1/widgets/",
      "list_widgets",
      {
        responses: {
          "200": {
            description: "OK.",
            content: { "application/json": { schema: { $ref: url } } },
          },
        },
      },
    ],
  ]);
}

describe("remote $refs", () => {
  it("are refused at import at once, naming the reference, with nothing fetched or written", async () => {
    const layout = await tempRepo();
    const input = await writeText(
      layout.root,
      "page.yaml",
      withRemoteSchema(`${base}/widget.yaml`),
    );
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${base}/widget.yaml`);
    expect(run.stderr).toContain("local files only");
    expect(requests).toBe(0);
    expect(await snapshotDir(layout.fragmentsDir)).toEqual({});
  });

  it("are refused at import when a local file the page refers to holds one", async () => {
    const layout = await tempRepo();
    const page = openapiText([
      [
        "get",
        "/v1/widgets/",
        "list_widgets",
        {
          responses: {
            "200": {
              description: "OK.",
              content: { "application/json": { schema: { $ref: "./schemas/Widget.yaml" } } },
            },
          },
        },
      ],
    ]);
    const input = await writeText(layout.root, "in/page.yaml", page);
    await writeText(
      layout.root,
      "in/schemas/Widget.yaml",
      `type: object\nproperties:\n  owner:\n    $ref: '${base}/owner.yaml'\n`,
    );
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${base}/owner.yaml`);
    expect(requests).toBe(0);
    expect(await snapshotDir(layout.fragmentsDir)).toEqual({});
  });

  it("are refused by generate in a fragment written by hand, with nothing fetched", async () => {
    const layout = await tempRepo();
    await writeText(layout.fragmentsDir, "widgets.yaml", withRemoteSchema(`${base}/widget.yaml`));
    await expect(generate(layout)).rejects.toThrow(SpecError);
    await expect(generate(layout)).rejects.toThrow(/local files only/);
    expect(requests).toBe(0);
  });
});

describe("local $refs that never end", () => {
  it("refuse a $ref to a device at import instead of reading it forever", async () => {
    const layout = await tempRepo();
    const input = await writeText(layout.root, "page.yaml", withRemoteSchema("/dev/zero"));
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("/dev/zero is not a regular file");
    expect(await snapshotDir(layout.fragmentsDir)).toEqual({});
  });
});
