import { dirname, join } from "node:path";
import ts from "typescript";

const ROOT = "/consumer";
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  skipLibCheck: true,
};
const libFiles = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks in-memory files (`{ "openapi.ts": …, "consumer.ts": … }`) with TypeScript's API,
 * strict, and returns each error as `file: message`. TypeScript's own lib files are parsed once
 * and shared between calls.
 */
export function typeErrors(files: Record<string, string>): string[] {
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(ROOT, name), text]));
  const host = ts.createCompilerHost(OPTIONS);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, language);
    if (!libFiles.has(fileName)) libFiles.set(fileName, realGetSourceFile(fileName, language));
    return libFiles.get(fileName);
  };
  const realFileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || realFileExists(fileName);
  const realReadFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(fileName) ?? realReadFile(fileName);
  host.getCurrentDirectory = () => ROOT;
  host.directoryExists = (name) =>
    name === ROOT || name === dirname(ROOT) || ts.sys.directoryExists(name);
  const program = ts.createProgram([...virtual.keys()], OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const file = diagnostic.file?.fileName.slice(ROOT.length + 1) ?? "";
    return `${file}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}
