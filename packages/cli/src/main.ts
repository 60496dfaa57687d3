import { CliError, type CliIo, type Command, processIo, UsageError } from './command.js';
import { callCommand } from './commands/call.js';
import { devCommand } from './commands/dev.js';
import { inspectCommand } from './commands/inspect.js';
import { installCommand } from './commands/install.js';
import { listCommand } from './commands/list.js';
import { runCommand } from './commands/run.js';
import { versionCommand } from './commands/version.js';
import { firstLine } from './load-server.js';

const COMMANDS: readonly Command[] = [
  runCommand,
  devCommand,
  inspectCommand,
  listCommand,
  callCommand,
  installCommand,
  versionCommand,
];

const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;

/** `mcpkit --help`. */
export const MAIN_HELP = `Usage: mcpkit <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Run mcpkit <command> --help for a command's options.
`;

/**
 * Run the CLI with these arguments (without `node` and the script); resolves to the exit code.
 * Errors are printed as one line on stderr (set MCPKIT_DEBUG=1 for stacks).
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic === undefined ? undefined : find(topic);
      // No command at all is a usage error: the help then goes to stderr.
      if (name === undefined) {
        io.err(MAIN_HELP);
        return 2;
      }
      io.out(command ? command.help : MAIN_HELP);
      return 0;
    }
    if (name === '--version' || name === '-v') return await versionCommand.run([], io);
    const command = find(name);
    return await command.run(rest, io);
  } catch (error) {
    io.err(`${message(error)}\n`);
    if (process.env.MCPKIT_DEBUG && error instanceof Error) io.err(`${describeDeep(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

function find(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const hint = name.startsWith('-') ? 'unknown flag' : 'unknown command';
  throw new UsageError(
    `mcpkit: ${hint} ${name}; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see mcpkit --help)`,
  );
}

function message(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof CliError) return `mcpkit: ${error.message}`;
  return `mcpkit: ${firstLine(error)}`;
}

function describeDeep(error: Error): string {
  const lines = [error.stack ?? error.message];
  let cause = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    lines.push(`caused by: ${cause.stack ?? cause.message}`);
    cause = cause.cause;
  }
  return lines.join('\n');
}
