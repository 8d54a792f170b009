const listeningLine = /Prism is listening on (http:\/\/\S+)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const ansiEscape = /\u001b\[[0-9;]*m/g;

/** Collects what Prism prints, bounded so a long-running mock's request log cannot grow memory. */
export class PrismOutput {
  #text = "";
  readonly #maxLength: number;

  constructor(maxLength = 64 * 1024) {
    this.#maxLength = maxLength;
  }

  append(chunk: Buffer | string): void {
    this.#text += String(chunk).replace(ansiEscape, "");
    if (this.#text.length > this.#maxLength) {
      this.#text = this.#text.slice(-this.#maxLength);
    }
  }

  get text(): string {
    return this.#text;
  }

  /** The URL from Prism's "listening" line, once it has been printed. */
  listeningUrl(): string | undefined {
    return listeningLine.exec(this.#text)?.[1];
  }

  /**
   * Prism's reason for failing: the text after its `fatal` marker; when that is empty, the error
   * its command line prints after the usage text; otherwise the last lines it printed.
   */
  failureReason(): string {
    const lines = this.#text.split("\n").map((line) => line.trimEnd());
    return fatalMessage(lines) || messageAfterUsage(lines) || lastLines(lines);
  }
}

function fatalMessage(lines: string[]): string {
  const fatalAt = lines.findIndex((line) => /\bfatal\b/.test(line));
  if (fatalAt === -1) return "";
  const message = [lines[fatalAt]?.replace(/^.*?\bfatal\b\s*/, "") ?? ""];
  for (const line of lines.slice(fatalAt + 1)) {
    if (line === "" || line.startsWith("prism ") || line.startsWith("[")) break;
    message.push(line);
  }
  return message.filter(Boolean).join(" ").trim();
}

// Usage text ends with indented option lines; the error follows it unindented.
function messageAfterUsage(lines: string[]): string {
  let usageEnd = lines.length - 1;
  while (usageEnd >= 0 && !/^\s+\S/.test(lines[usageEnd] ?? "")) usageEnd--;
  return (
    lines.slice(usageEnd + 1).find((line) => line.trim() !== "" && !line.startsWith("[")) ?? ""
  );
}

function lastLines(lines: string[]): string {
  return lines.filter(Boolean).slice(-10).join("\n") || "(Prism printed nothing)";
}
