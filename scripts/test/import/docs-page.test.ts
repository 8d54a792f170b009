import { describe, expect, it } from "vitest";
import { extractEmbeddedDocument } from "../../src/import/docs-page.js";

const FENCE = "````";

describe("extractEmbeddedDocument", () => {
  it("returns exactly the lines between the fences, and the operation the fence names", () => {
    const page = `# Title\n\n${FENCE}yaml GET /v1/widgets/\nopenapi: 3.0.3\n  indented: true\n\n${FENCE}\n\ntrailing text\n`;
    expect(extractEmbeddedDocument(page, "page.md")).toEqual({
      text: "openapi: 3.0.3\n  indented: true\n\n",
      method: "get",
      path: "/v1/widgets/",
    });
  });

  it("keeps Windows line endings as they are", () => {
    const page = `${FENCE}yaml POST /v1/x/\r\nopenapi: 3.0.3\r\n${FENCE}\r\n`;
    expect(extractEmbeddedDocument(page, "page.md").text).toBe("openapi: 3.0.3\r\n");
  });

  it("ignores ordinary three-backtick code samples", () => {
    const sample = "```bash\ncurl -X POST\n```\n";
    const page = `${sample}${FENCE}yaml POST /v1/x/\na: 1\n${FENCE}\n`;
    expect(extractEmbeddedDocument(page, "page.md").text).toBe("a: 1\n");
  });

  it("rejects a fence that is never closed", () => {
    expect(() => extractEmbeddedDocument(`${FENCE}yaml GET /x/\na: 1\n`, "page.md")).toThrow(
      "page.md: the fence opened on line 1 is never closed",
    );
  });
});
