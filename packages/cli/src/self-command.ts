import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A command line that starts a process. */
export interface CommandLine {
  command: string;
  args: string[];
}

/**
 * The absolute path of this CLI's entry: `dist/bin.js` when built, `src/bin.ts` when run from
 * source (this module sits next to it either way; bundled chunks stay in `dist/`).
 */
export function binPath(): string {
  const here = import.meta.url;
  const entry = new URL(here.endsWith('.ts') ? './bin.ts' : './bin.js', here);
  const path = fileURLToPath(entry);
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * How to start this same CLI again as a child: the same Node, the same Node flags (so a
 * from-source run keeps its `--import tsx` and conditions), this bin, then `args`.
 */
export function selfCommand(args: readonly string[]): CommandLine {
  return { command: process.execPath, args: [...portableExecArgv(), binPath(), ...args] };
}

const PRELOAD_FLAGS = new Set(['--import', '--loader', '--experimental-loader', '--require', '-r']);

/**
 * This process's Node flags with preloaded bare specifiers (`--import tsx`) made absolute, so
 * a child started from another directory (an MCP client, `mcpkit dev`) finds them too.
 */
export function portableExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!PRELOAD_FLAGS.has(flag)) {
      out.push(arg);
    } else if (eq > 0) {
      out.push(`${flag}=${absolute(arg.slice(eq + 1))}`);
    } else if (i + 1 < execArgv.length) {
      out.push(flag, absolute(execArgv[++i] as string));
    } else {
      out.push(arg);
    }
  }
  return out;
}

function absolute(specifier: string): string {
  if (/^\.{1,2}[\\/]/.test(specifier)) return resolve(specifier);
  // Absolute paths and URLs already say where they are.
  if (/^(?:[\\/]|[A-Za-z]:[\\/]|[a-z][a-z0-9+.-]*:)/.test(specifier)) return specifier;
  try {
    return import.meta.resolve(specifier);
  } catch {
    return specifier;
  }
}
