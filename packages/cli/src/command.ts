/** Where a command writes: stdout carries results (or protocol, for `run` over stdio). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** One `mcpkit <name>` command. */
export interface Command {
  readonly name: string;
  /** one line for `mcpkit --help` */
  readonly summary: string;
  /** the full `mcpkit <name> --help` text */
  readonly help: string;
  /** resolves to the exit code */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A failure the user can fix: printed as one line, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Wrong command line (unknown command or flag, missing argument): exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
