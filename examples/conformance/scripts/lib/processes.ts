import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** Outcome of one bounded child process run. */
export interface RunOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** stdout, plus stderr when `mergeStderr` was set. */
  stdout: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Hard deadline: the process group is killed when it passes. */
  timeoutMs: number;
  /** Everything the child prints (stdout and stderr) is appended here. */
  logFile?: string;
  /** Collect stderr into `stdout` as well. */
  mergeStderr?: boolean;
}

// Every child is the leader of its own process group (detached), so killing -pid also ends
// whatever it spawned (the suite runs the client through `sh -c`), and nothing else.
const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ends one child we started: SIGTERM to its group, SIGKILL after graceMs. */
export async function stop(child: ChildProcess, graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every child still running (used on exit, failure and signals). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((child) => stop(child)));
}

function spawnTracked(command: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Starts a long-running child (the server under test); the caller stops it by handle. */
export function start(command: string, args: string[], options: Omit<RunOptions, 'timeoutMs'>) {
  const child = spawnTracked(command, args, options.cwd, options.env);
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  return child;
}

/** Runs a child to completion within a hard deadline and returns its stdout. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, options.cwd, options.env);
    const log = options.logFile ? createWriteStream(options.logFile) : undefined;
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      log?.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (options.mergeStderr) stdout += chunk.toString();
      log?.write(chunk);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void stop(child);
    }, options.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      log?.end();
      resolve({ code, signal, timedOut, stdout });
    });
  });
}

/** Stops every child on Ctrl-C / SIGTERM before exiting, so no server outlives the runner. */
export function stopChildrenOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void stopAll().finally(() => process.exit(130));
    });
  }
}
