import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
// Snippets live, virtually, inside this package: "@thredfi/client" resolves to its own exports,
// every other package through its node_modules, as a user's project would, except that the
// `@thredfi/source` condition picks the sources over `dist` (the packed tarballs' types are
// checked by `pnpm test:packed`).
const snippetDir = fileURLToPath(new URL("./readme-snippets/", import.meta.url));

/** A fresh `tsc --init` of TypeScript 5.9, plus Node's and the mock's Vitest types and the sources. */
const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ESNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
  skipLibCheck: true,
  noEmit: true,
  types: ["node"],
  customConditions: ["@thredfi/source"],
};

// A type reference finds only declaration files, not the sources the condition picks, so the
// `types: ["@thredfi/mock/vitest"]` entry a user's tsconfig has is this import in the program.
const mockVitestTypes = {
  file: fileURLToPath(new URL("./readme-snippets/mock-vitest-types.ts", import.meta.url)),
  code: 'import type {} from "@thredfi/mock/vitest";\n',
};

interface Snippet {
  /** `packages/client/README.md:42`. */
  where: string;
  file: string;
  code: string;
}

function readmes(): string[] {
  const packages = readdirSync(join(root, "packages")).map((name) => `packages/${name}/README.md`);
  return ["README.md", ...packages].filter((path) => existsSync(join(root, path)));
}

function snippetsOf(readme: string): Snippet[] {
  const text = readFileSync(join(root, readme), "utf8");
  const found: Snippet[] = [];
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, match.index).split("\n").length;
    const where = `${readme}:${line}`;
    const file = join(snippetDir, `${where.replace(/[^a-z0-9]+/gi, "-")}.ts`);
    found.push({ where, file, code: match[1] as string });
  }
  return found;
}

const snippets = readmes().flatMap(snippetsOf);
let program: ts.Program;

beforeAll(() => {
  const virtual = new Map(
    [mockVitestTypes, ...snippets].map((snippet) => [snippet.file, snippet.code]),
  );
  const host = ts.createCompilerHost(compilerOptions);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (path) => virtual.has(path) || fileExists.call(host, path);
  host.readFile = (path) => virtual.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    const code = virtual.get(path);
    return code === undefined
      ? getSourceFile.call(host, path, language, ...rest)
      : ts.createSourceFile(path, code, language, true);
  };
  program = ts.createProgram([...virtual.keys()], compilerOptions, host);
}, 60_000);

describe("every ts block of the READMEs type-checks against the packages", () => {
  it("finds the blocks of the root README and of the packages' READMEs", () => {
    const sources = new Set(snippets.map((snippet) => snippet.where.split(":")[0]));
    expect(sources).toContain("README.md");
    expect(sources).toContain("packages/client/README.md");
    expect(snippets.length).toBeGreaterThan(5);
  });

  it.each(snippets.map((snippet) => [snippet.where, snippet] as const))(
    "%s compiles under strict and exactOptionalPropertyTypes, with its imports",
    (_where, snippet) => {
      const source = program.getSourceFile(snippet.file);
      expect(source).toBeDefined();
      const problems = ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
        const at =
          diagnostic.start === undefined
            ? ""
            : `line ${(source as ts.SourceFile).getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `;
        return `${at}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      });
      expect(problems, relative(root, snippet.file)).toEqual([]);
    },
  );
});
