import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild } from './child-process.js';
import type { CliIo } from './command.js';
import type { CommandLine } from './self-command.js';

const SERVING = /^mcpkit: serving .* at (\S+)$/;

/**
 * The server under `mcpkit dev`: a child process running `mcpkit run … --transport http`,
 * restarted on demand (one restart at a time; changes during a restart cause one more).
 */
export class DevServer {
  private child: ChildProcess | undefined;
  private restarting: Promise<void> = Promise.resolve();
  private queued = false;
  private stopped = false;

  constructor(
    private readonly commandLine: CommandLine,
    private readonly io: CliIo,
    /** called with the server URL each time a (re)started server is listening */
    private readonly onReady: (url: string) => void,
  ) {}

  /** Start the child. */
  start(): void {
    if (this.stopped) return;
    const child = spawn(this.commandLine.command, this.commandLine.args, {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    this.child = child;
    createInterface({ input: child.stderr as NonNullable<ChildProcess['stderr']> }).on(
      'line',
      (line) => {
        this.io.err(`${line}\n`);
        const url = SERVING.exec(line)?.[1];
        if (url) this.onReady(url);
      },
    );
    child.on('error', (error) =>
      this.io.err(`mcpkit dev: could not start the server: ${error.message}\n`),
    );
    child.on('exit', (code, signal) => {
      if (this.child !== child || this.stopped) return;
      this.child = undefined;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      this.io.err(`mcpkit dev: the server exited (${how}); waiting for a change to restart it\n`);
    });
  }

  /** Stop the running child (if any) and start a new one. */
  restart(): Promise<void> {
    if (this.queued) return this.restarting;
    this.queued = true;
    this.restarting = this.restarting.then(async () => {
      this.queued = false;
      const old = this.child;
      this.child = undefined;
      if (old) await stopChild(old);
      this.start();
    });
    return this.restarting;
  }

  /** Stop for good. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.restarting;
    const child = this.child;
    this.child = undefined;
    if (child) await stopChild(child);
  }

  /** The running child's pid, if any. */
  get pid(): number | undefined {
    return this.child?.pid;
  }
}
