/**
 * Source of the Node process that hosts Prism, run with `node -e <source> <prism-cli.js> ...args`.
 *
 * Prism runs inside this very process (one process, one PID to kill), and the process exits as
 * soon as its parent is gone: the parent holds the only write end of its stdin pipe, which the OS
 * closes however the parent ends — SIGKILL included — so stdin reaches end-of-file. Polling the
 * parent PID (which changes when the process is re-parented) backs that up.
 *
 * With `-e`, `process.argv` is `[node, prism-cli.js, ...args]`: exactly what Prism's own command
 * line parser expects.
 */
export const prismHostSource = `"use strict";
const parentPid = process.ppid;
const exitWithParent = () => process.exit(0);
process.stdin.on("end", exitWithParent);
process.stdin.on("error", exitWithParent);
process.stdin.resume();
setInterval(() => {
  if (process.ppid !== parentPid) exitWithParent();
}, 500).unref();
require(process.argv[1]);
`;
