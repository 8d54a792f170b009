import { generateCommand } from "./generate-command.js";
import { importCommand } from "./import-command.js";
import { resourcesCommand } from "./resources-command.js";
import { type CliIo, type Command, runCli } from "./run-cli.js";
import { updateCommand } from "./update-command.js";

const COMMANDS: Record<string, Command> = {
  generate: generateCommand,
  import: importCommand,
  resources: resourcesCommand,
  update: updateCommand,
};

const USAGE = `Usage: thredfi-spec <command> [options]
  generate [--check]                                 bundle specs/fragments, generate @thredfi/types
  import <page.md | file.yaml | -> [--name <name>]   import a docs page as a fragment
  resources [--check]                                name the operations, generate the client's resources
  update <page.md | file.yaml | -> [--name <name>]   import, generate and write a changeset
Every command takes --root <checkout> to work on another checkout of this repository.`;

/** `thredfi-spec <generate | import | update> …`: the exit status of the command it names. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    (name === undefined || name === "--help" ? io.out : io.err)(USAGE);
    return name === undefined || name === "--help" ? 0 : 1;
  }
  return runCli(command, args, io);
}
