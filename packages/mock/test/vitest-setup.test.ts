import { describe, expect, it } from "vitest";
import type { TestProject } from "vitest/node";
import setup from "../src/vitest.js";

describe("@thredfi/mock/vitest", () => {
  it("provides the URL of a running mock and stops it on teardown", async () => {
    const provided = new Map<string, unknown>();
    const project = { provide: (key: string, value: unknown) => provided.set(key, value) };

    const teardown = await setup(project as unknown as TestProject);
    const url = provided.get("thredfiMockUrl");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${String(url)}/v1/platform/businesses/`, {
      headers: { authorization: "Bearer partner-token" },
    });
    expect(response.status).toBe(200);

    await teardown();
    await expect(fetch(`${String(url)}/v1/platform/businesses/`)).rejects.toThrow();
  });
});
