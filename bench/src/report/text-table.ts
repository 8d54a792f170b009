import type { TableRow } from "../support/format.js";

/** Renders rows as an aligned plain-text table for the terminal. */
export function renderTextTable(rows: readonly TableRow[]): string {
  const header: TableRow = {
    measurement: "measurement",
    result: "result",
    target: "target",
    verdict: "",
  };
  const all = [header, ...rows];
  const width = (key: keyof TableRow) => Math.max(...all.map((row) => row[key].length));
  const [m, r, t] = [width("measurement"), width("result"), width("target")];
  const line = (row: TableRow) =>
    `${row.measurement.padEnd(m)}  ${row.result.padEnd(r)}  ${row.target.padEnd(t)}  ${row.verdict}`.trimEnd();
  return [line(header), "-".repeat(m + r + t + 10), ...rows.map(line)].join("\n");
}

/** Renders rows as a Markdown table. */
export function renderMarkdownTable(rows: readonly TableRow[]): string {
  const escapeCell = (text: string) => text.replaceAll("|", "\\|");
  return [
    "| Measurement | Result | Target | |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${escapeCell(row.measurement)} | ${escapeCell(row.result)} | ${escapeCell(row.target)} | ${row.verdict} |`,
    ),
  ].join("\n");
}
