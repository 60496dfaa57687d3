/** Facts about a child server that failed to start or exited while connected. */
export interface ChildProcessErrorDetails {
  command: string;
  exitCode?: number | null;
  signal?: NodeJS.Signals | null;
  /** last lines of stderr, when it was piped */
  stderr?: readonly string[];
  cause?: unknown;
}

/**
 * The stdio child failed: could not spawn (e.g. ENOENT) or exited before `close()`.
 * The message names the exit code or signal and quotes the last stderr lines.
 */
export class ChildProcessError extends Error {
  override name = 'ChildProcessError';
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: readonly string[];

  constructor(summary: string, details: ChildProcessErrorDetails) {
    const stderr = details.stderr ?? [];
    const quoted =
      stderr.length > 0 ? `\nstderr (last lines):\n${stderr.map((l) => `  ${l}`).join('\n')}` : '';
    super(
      `${summary}${quoted}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.command = details.command;
    this.exitCode = details.exitCode ?? null;
    this.signal = details.signal ?? null;
    this.stderr = stderr;
  }
}
