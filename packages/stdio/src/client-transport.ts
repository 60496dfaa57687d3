import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { JsonRpcMessage, Transport, TransportSink } from '@mcpkit/core';
import { defaultChildEnv } from './child-env.js';
import { ChildProcessError } from './child-process-error.js';
import { LineChannel } from './line-channel.js';
import { StderrTail } from './stderr-tail.js';

export interface StdioClientTransportOptions {
  /** the executable; run directly, never through a shell */
  command: string;
  args?: readonly string[];
  /** added to the safe default set (HOME, LOGNAME, PATH, SHELL, TERM, USER; Windows: the usual set) */
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  /** the child's stderr: ours (`inherit`, default), captured (`pipe`) or dropped (`ignore`) */
  stderr?: 'inherit' | 'pipe' | 'ignore';
  /** receives stderr text; implies `stderr: 'pipe'` unless `stderr` is given */
  onStderr?: (text: string) => void;
  /** byte limit for one line from the child (default 16 MiB) */
  maxLineBytes?: number;
  /** ms to wait after ending stdin, and again after SIGTERM, before escalating (default 2000) */
  closeGraceMs?: number;
}

/** A stdio client transport; `pid` is the child's once started. */
export interface StdioClientTransport extends Transport {
  readonly pid: number | undefined;
}

const EXIT_SETTLE_MS = 1000;

/**
 * Spawn an MCP server and talk to it over its stdin/stdout.
 * Close ends its stdin, waits `closeGraceMs`, sends SIGTERM, waits again, then SIGKILL.
 * A child that cannot start or exits on its own fails the session with a ChildProcessError.
 * @example
 * const transport = stdioClientTransport({ command: 'node', args: ['server.js'], stderr: 'pipe' });
 */
export function stdioClientTransport(options: StdioClientTransportOptions): StdioClientTransport {
  const { command, args = [], cwd, onStderr, maxLineBytes, closeGraceMs = 2000 } = options;
  const stderrMode = options.stderr ?? (onStderr ? 'pipe' : 'inherit');
  const tail = stderrMode === 'pipe' ? new StderrTail() : undefined;
  let child: ChildProcess | undefined;
  let channel: LineChannel | undefined;
  let sink: TransportSink | undefined;
  let closing = false;
  let finished = false;
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let exited!: Promise<void>;

  const finish = (reason?: Error): void => {
    if (finished) return;
    finished = true;
    channel?.detach();
    // Whatever still holds the pipes (a grandchild), we stop listening.
    child?.stdin?.destroy();
    child?.stdout?.destroy();
    child?.stderr?.destroy();
    sink?.close(reason);
  };

  const exitError = (): ChildProcessError => {
    const how =
      exit?.signal != null
        ? `was killed by ${exit.signal}`
        : `exited with code ${exit?.code ?? 'unknown'}`;
    return new ChildProcessError(
      `MCP server "${command}" ${how} before the connection was closed`,
      {
        command,
        exitCode: exit?.code ?? null,
        signal: exit?.signal ?? null,
        stderr: tail?.lines(),
      },
    );
  };

  const waitForExit = async (ms: number): Promise<boolean> => {
    if (exit) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
    try {
      return await Promise.race([exited.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    get pid() {
      return child?.pid;
    },

    async start(s) {
      if (sink) throw new Error('stdio transport already started');
      sink = s;
      const proc = spawn(command, [...args], {
        cwd,
        env: { ...defaultChildEnv(), ...options.env },
        stdio: ['pipe', 'pipe', stderrMode],
        shell: false,
        windowsHide: true,
      });
      child = proc;
      exited = new Promise<void>((resolve) =>
        proc.once('exit', (code, signal) => {
          exit = { code, signal };
          resolve();
          // 'close' waits for the pipes too; don't let a grandchild holding them stall us.
          setTimeout(() => proc.stdout?.destroy(), EXIT_SETTLE_MS).unref();
        }),
      );
      if (tail || onStderr) {
        proc.stderr?.setEncoding('utf8');
        proc.stderr?.on('data', (text: string) => {
          tail?.push(text);
          onStderr?.(text);
        });
      }
      // stdio[0] and [1] are 'pipe', so both streams exist.
      const io = new LineChannel(proc.stdout as Readable, proc.stdin as Writable, maxLineBytes);
      channel = io;
      // EPIPE after the child died: refuse further sends; the exit reports the cause.
      proc.stdin?.on('error', (error) => io.writer.fail(error));
      proc.once('close', () => finish(closing ? undefined : exitError()));
      try {
        await new Promise<void>((resolve, reject) => {
          proc.once('spawn', resolve);
          proc.once('error', reject);
        });
      } catch (error) {
        const failure = new ChildProcessError(
          `Failed to start MCP server "${command}": ${(error as Error).message}`,
          { command, cause: error },
        );
        finish(failure);
        throw failure;
      }
      proc.on('error', (error) => sink?.error(error));
      io.attach(s);
    },

    send(message: JsonRpcMessage) {
      if (!channel || finished || closing) throw new Error('stdio transport is not open');
      return channel.writer.write(message);
    },

    async close() {
      if (closing || finished) return;
      closing = true;
      const proc = child;
      if (proc && !exit && proc.pid !== undefined) {
        channel?.writer.flush();
        proc.stdin?.end();
        if (!(await waitForExit(closeGraceMs))) {
          proc.kill('SIGTERM');
          if (!(await waitForExit(closeGraceMs))) {
            proc.kill('SIGKILL');
            if (!(await waitForExit(closeGraceMs))) {
              sink?.error(new Error(`MCP server "${command}" (pid ${proc.pid}) survived SIGKILL`));
            }
          }
        }
      }
      finish();
    },
  };
}
