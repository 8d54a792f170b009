import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsumerProject, createConsumerProject } from "../src/consumer-project.js";
import {
  dryRunPublishEnvironment,
  outsideWorkspaceEnvironment,
  UNREACHABLE_REGISTRY,
} from "../src/npm-environment.js";
import { type PackedPackage, packedPackageNames, packPackages } from "../src/pack-tarballs.js";
import { type CommandResult, runCommand } from "../src/run-command.js";

const require = createRequire(import.meta.url);
const repoRoot = resolve(import.meta.dirname, "../..");
const consumerFiles = resolve(import.meta.dirname, "../consumer");
const workspaceTsc = require.resolve("typescript/bin/tsc");
const typesNodeVersion = (
  JSON.parse(readFileSync(require.resolve("@types/node/package.json"), "utf8")) as {
    version: string;
  }
).version;

let workDir: string;
let packed: PackedPackage[];
let consumer: ConsumerProject;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "thredfi-pack-"));
  packed = await packPackages(await packedPackageNames(), workDir);
  consumer = await createConsumerProject({
    tarballs: packed.map((pkg) => pkg.tarball),
    registryPackages: [`@types/node@${typesNodeVersion}`],
    filesFrom: consumerFiles,
  });
  // One consumer source, checked once as an ES module and once as CommonJS under node16.
  for (const extension of ["mts", "cts"]) {
    await copyFile(
      join(consumer.directory, "consumer.ts"),
      join(consumer.directory, `consumer.${extension}`),
    );
  }
});

afterAll(async () => {
  await consumer?.remove();
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

describe("the packed packages", () => {
  it("are every package of the workspace that is not private", async () => {
    expect(packed.map((pkg) => pkg.name)).toEqual(await publishedWorkspacePackages());
  });

  it("each check their own tarball with publint and attw in their test:packed script", async () => {
    for (const pkg of packed) {
      const manifest = JSON.parse(await readFile(join(pkg.directory, "package.json"), "utf8"));
      expect(manifest.scripts?.["test:packed"], pkg.name).toMatch(
        /^publint --strict && attw --pack \./,
      );
    }
  });

  it("ship ESM and CJS builds with declarations for both", () => {
    for (const pkg of packed) {
      expect(pkg.files, pkg.name).toEqual(
        expect.arrayContaining([
          "dist/index.js",
          "dist/index.cjs",
          "dist/index.d.ts",
          "dist/index.d.cts",
          "package.json",
        ]),
      );
    }
  });

  it("ship nothing but the build, the manifest, the licence and @thredfi/mock's spec", () => {
    const allowed =
      /^(dist\/.+\.(js|cjs|d\.ts|d\.cts)|package\.json|LICENSE|README\.md|CHANGELOG\.md)$/;
    for (const pkg of packed) {
      const extra = pkg.name === "@thredfi/mock" ? ["spec/thredfi.yaml"] : [];
      expect(
        pkg.files.filter((file) => !allowed.test(file) && !extra.includes(file)),
        pkg.name,
      ).toEqual([]);
    }
  });

  it("ship @thredfi/mock/vitest as ESM only, next to the spec the repository bundles", async () => {
    const mock = packedPackage("@thredfi/mock");
    expect(mock.files).toEqual(
      expect.arrayContaining(["dist/vitest.js", "dist/vitest.d.ts", "spec/thredfi.yaml"]),
    );
    expect(mock.files).not.toContain("dist/vitest.cjs");
    const shippedSpec = await readFile(installedFile("@thredfi/mock", "spec/thredfi.yaml"), "utf8");
    expect(shippedSpec).toBe(await readFile(join(repoRoot, "specs/thredfi.yaml"), "utf8"));
  });

  it("name registry versions instead of workspace: and catalog: ranges", async () => {
    for (const pkg of packed) {
      const manifest = await readFile(installedFile(pkg.name, "package.json"), "utf8");
      expect(manifest, pkg.name).not.toMatch(/"(workspace|catalog):/);
    }
    const auth = JSON.parse(await readFile(installedFile("@thredfi/auth", "package.json"), "utf8"));
    expect(auth.dependencies["@thredfi/types"]).toBe(`^${packedPackage("@thredfi/types").version}`);
  });

  // The workspace's manifests add a `@thredfi/source` condition that points at the TypeScript
  // sources; `publishConfig.exports` replaces the map when packing, so the sources stay home.
  it("export only files the tarball holds, without the workspace's source condition", async () => {
    for (const pkg of packed) {
      const manifest = await readFile(installedFile(pkg.name, "package.json"), "utf8");
      expect(manifest, pkg.name).not.toContain("@thredfi/source");
      const targets = exportTargets(JSON.parse(manifest).exports);
      expect(targets.length, pkg.name).toBeGreaterThan(0);
      expect(
        targets.filter((target) => !pkg.files.includes(target.replace(/^\.\//, ""))),
        pkg.name,
      ).toEqual([]);
    }
  });

  it("declare the fields registries and bundlers read", async () => {
    for (const pkg of packed) {
      const manifest = JSON.parse(await readFile(installedFile(pkg.name, "package.json"), "utf8"));
      expect(manifest, pkg.name).toMatchObject({
        type: "module",
        sideEffects: false,
        license: "MIT",
        engines: { node: ">=20.19" },
        publishConfig: { access: "public" },
        repository: { directory: `packages/${pkg.name.replace("@thredfi/", "")}` },
      });
      expect(manifest.keywords, pkg.name).toContain("thredfi");
    }
  });

  it("publish with npm as a dry run only, to a registry nobody listens on", async () => {
    const emptyNpmrcs = {
      user: join(workDir, "user.npmrc"),
      global: join(workDir, "global.npmrc"),
    };
    await Promise.all(Object.values(emptyNpmrcs).map((path) => writeFile(path, "")));
    for (const pkg of packed) {
      const result = await runCommand(
        "npm",
        ["publish", "--dry-run", "--offline", "--registry", UNREACHABLE_REGISTRY, pkg.tarball],
        {
          cwd: consumer.directory,
          env: dryRunPublishEnvironment(emptyNpmrcs),
          timeoutMs: 60_000,
        },
      );
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.code, output).toBe(0);
      expect(output).toContain(
        `Publishing to ${UNREACHABLE_REGISTRY} with tag latest and public access (dry-run)`,
      );
      expect(output).toContain(`+ ${pkg.name}@${pkg.version}`);
    }
  });
});

describe("a project that installed the tarballs with npm", () => {
  it("imports every packed package from its ESM build", async () => {
    const report = await runConsumerScript("run-esm.mjs");
    expect(report.main).toEqual(
      Object.fromEntries(packed.map((pkg) => [pkg.name, installedUrl(pkg.name, "dist/index.js")])),
    );
  });

  it("requires every packed package from its CJS build", async () => {
    const report = await runConsumerScript("run-cjs.cjs");
    expect(report.main).toEqual(
      Object.fromEntries(
        packed.map((pkg) => [pkg.name, installedFile(pkg.name, "dist/index.cjs")]),
      ),
    );
  });

  it("imports each package's entry points and gets a partner token from the installed mock", async () => {
    const report = await runConsumerScript("run-esm.mjs");
    expect(report.resolved).toEqual({
      types: installedUrl("@thredfi/types", "dist/index.js"),
      auth: installedUrl("@thredfi/auth", "dist/index.js"),
      client: installedUrl("@thredfi/client", "dist/index.js"),
      mock: installedUrl("@thredfi/mock", "dist/index.js"),
      mockVitest: installedUrl("@thredfi/mock", "dist/vitest.js"),
      mockSpec: installedUrl("@thredfi/mock", "spec/thredfi.yaml"),
    });
    expect(report.mockGlobalSetup).toBe("function");
    expectWorkingClient(report);
  });

  it("requires each package's entry points and gets a partner token from the installed mock", async () => {
    const report = await runConsumerScript("run-cjs.cjs");
    expect(report.resolved).toEqual({
      types: installedFile("@thredfi/types", "dist/index.cjs"),
      auth: installedFile("@thredfi/auth", "dist/index.cjs"),
      client: installedFile("@thredfi/client", "dist/index.cjs"),
      mock: installedFile("@thredfi/mock", "dist/index.cjs"),
      mockSpec: installedFile("@thredfi/mock", "spec/thredfi.yaml"),
    });
    expect(report.mockVitestRequireError).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
    expectWorkingClient(report);
  });

  it("keeps instanceof across the CJS and ESM builds, both ways", async () => {
    const result = await runCommand(process.execPath, ["errors-across-builds.mjs"], {
      cwd: consumer.directory,
      env: outsideWorkspaceEnvironment(),
      timeoutMs: 60_000,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const every = {
      authError: true,
      baseError: true,
      apiError: true,
      notFoundError: true,
      notOtherSubclass: true,
    };
    expect(JSON.parse(result.stdout.trim())).toEqual({ "cjs->esm": every, "esm->cjs": every });
  });

  it("stops a mock started from the CJS build when the process that started it ends", async () => {
    const result = await runCommand(process.execPath, ["leave-mock-running.cjs"], {
      cwd: consumer.directory,
      env: outsideWorkspaceEnvironment(),
      timeoutMs: 90_000,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const mock = JSON.parse(result.stdout.trim()) as { pid: number; url: string };
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await exitedWithin(mock.pid, 5000)).toBe(true);
  });

  it.each([
    ["node16", "a Node backend, checked as ESM and as CJS"],
    ["bundler", "a bundled backend and a frontend, with the DOM library and no Node types"],
  ])("type-checks under moduleResolution %s: %s", async (mode) => {
    const result = await runCommand(
      process.execPath,
      [workspaceTsc, "-p", `tsconfig.${mode}.json`],
      { cwd: consumer.directory, env: outsideWorkspaceEnvironment(), timeoutMs: 90_000 },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});

/** What `run-esm.mjs` and `run-cjs.cjs` print. */
interface ConsumerReport {
  /** Where each packed package's main entry point resolved, by package name. */
  main: Record<string, string>;
  resolved: Record<string, string>;
  mockGlobalSetup?: string;
  mockVitestRequireError?: string;
  typesRuntimeExports: string[];
  authErrorIsClass: boolean;
  bundledSpec: string;
  tokenType: string;
  accessTokenLength: number;
  expiresIn: number;
  businessesStatus: number;
  businessesViolations: string | null;
}

function expectWorkingClient(report: ConsumerReport): void {
  expect(report.typesRuntimeExports).toEqual([]);
  expect(report.authErrorIsClass).toBe(true);
  expect(report.bundledSpec).toBe(installedFile("@thredfi/mock", "spec/thredfi.yaml"));
  expect(report.tokenType).toBe("Bearer");
  expect(report.accessTokenLength).toBeGreaterThan(0);
  expect(report.expiresIn).toBeGreaterThan(0);
  expect(report.businessesStatus).toBe(200);
  expect(report.businessesViolations).toBeNull();
}

const consumerReports = new Map<string, Promise<ConsumerReport>>();

/** Runs a consumer script once, however many tests read its report. */
function runConsumerScript(file: string): Promise<ConsumerReport> {
  let report = consumerReports.get(file);
  if (report === undefined) {
    report = runConsumerScriptNow(file);
    consumerReports.set(file, report);
  }
  return report;
}

async function runConsumerScriptNow(file: string): Promise<ConsumerReport> {
  const names = packed.map((pkg) => pkg.name);
  const result: CommandResult = await runCommand(process.execPath, [file, ...names], {
    cwd: consumer.directory,
    env: outsideWorkspaceEnvironment(),
    timeoutMs: 90_000,
  });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  const lastLine = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as ConsumerReport;
}

function packedPackage(name: string): PackedPackage {
  const pkg = packed.find((candidate) => candidate.name === name);
  if (pkg === undefined) throw new Error(`${name} was not packed`);
  return pkg;
}

function installedFile(name: string, path: string): string {
  return join(consumer.directory, "node_modules", ...name.split("/"), ...path.split("/"));
}

function installedUrl(name: string, path: string): string {
  return pathToFileURL(installedFile(name, path)).href;
}

/** The names of the packages under `packages/` that are not private, sorted. */
async function publishedWorkspacePackages(): Promise<string[]> {
  const published: string[] = [];
  for (const directory of await readdir(join(repoRoot, "packages"))) {
    const manifestPath = join(repoRoot, "packages", directory, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as {
      name: string;
      private?: boolean;
    };
    if (manifest.private !== true) published.push(manifest.name);
  }
  return published.sort();
}

/** Every file path an `exports` map points at, however deeply its conditions nest. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports === null || typeof exports !== "object") return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** Whether the process `pid` is gone within `timeoutMs` (signal 0 only asks whether it exists). */
async function exitedWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.kill(pid, "SIGKILL");
  return false;
}
