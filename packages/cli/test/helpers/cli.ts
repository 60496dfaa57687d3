import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The package root, the CLI's source entry and its fixtures. */
export const PACKAGE_DIR = join(here, '..', '..');
export const CLI = join(PACKAGE_DIR, 'src', 'bin.ts');
export const FIXTURES = join(PACKAGE_DIR, 'test', 'fixtures');
export const SERVERS = join(FIXTURES, 'servers.ts');
export const QUICKSTART = join(
  PACKAGE_DIR,
  '..',
  '..',
  'examples',
  'quickstart',
  'src',
  'server.ts',
);

const require = createRequire(import.meta.url);
/** tsx's ESM loader by absolute URL, so the CLI starts from any working directory. */
export const TSX_LOADER = pathToFileURL(
  join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs'),
).href;
/** How the tests run the CLI from source, as a user would with no build. */
export const NODE_ARGS = ['--conditions=@mcpkit/source', '--import', TSX_LOADER];
/** The reference server's entry, run with node (no network at test time). */
export const EVERYTHING = join(
  dirname(require.resolve('@modelcontextprotocol/server-everything/package.json')),
  'dist',
  'index.js',
);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** the command line before the CLI's own args (default: node + NODE_ARGS + CLI) */
  entry?: string[];
  /** its own process group, so cleanup also reaches what it spawns (mcpkit dev) */
  group?: boolean;
}

const running = new Map<ChildProcess, boolean>();

/** A started CLI process whose output is collected as it comes. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** resolves with the first match of `pattern` in stdout or stderr (bounded by `timeoutMs`) */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** resolves with the exit code once the process has exited */
  exited(): Promise<number | null>;
}

/** Start `mcpkit <args>` and leave it running. */
export function startCli(args: readonly string[], options: CliOptions = {}): CliProcess {
  const entry = options.entry ?? [...NODE_ARGS, CLI];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: options.cwd ?? PACKAGE_DIR,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: options.group === true,
  });
  running.set(child, options.group === true);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    for (const listener of listeners) listener();
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: () => exit,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const match = pattern.exec(stdout) ?? pattern.exec(stderr);
          if (!match) return false;
          cleanup();
          resolve(match);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`),
          );
        }, timeoutMs);
        const onExit = (): void => {
          if (check()) return;
          cleanup();
          reject(new Error(`exited before ${pattern}; stdout: ${stdout}; stderr: ${stderr}`));
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          listeners.delete(listener);
          child.off('exit', onExit);
        };
        const listener = (): void => void check();
        listeners.add(listener);
        child.on('exit', onExit);
        check();
      });
    },
  };
}

/** Run `mcpkit <args>` to completion. */
export async function runCli(
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  const cli = startCli(args, options);
  cli.child.stdin?.end();
  const code = await cli.exited();
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

/**
 * Kill, by pid, every CLI process a test started and left running (a grouped one with its
 * whole process group: the servers `mcpkit dev` started).
 */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(([child, group]) => {
      running.delete(child);
      const pid = child.pid;
      const exited = child.exitCode !== null || child.signalCode !== null;
      // An exited leader's group may still hold its children; a plain exited pid is left alone.
      if (pid === undefined || (exited && !group)) return undefined;
      try {
        process.kill(group ? -pid : pid, 'SIGKILL');
      } catch {
        // already gone (a group can outlive its leader, so try both)
      }
      if (exited) return undefined;
      return new Promise<void>((resolve) => child.once('exit', () => resolve()));
    }),
  );
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
