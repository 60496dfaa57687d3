import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A command line to spawn. */
export interface ScriptCommand {
  command: string;
  args: string[];
}

/** Is this path a script mcpkit knows how to run (`.js`/`.mjs`/`.cjs`, `.ts`/`.mts`/`.cts`, `.py`)? */
export const isScriptPath = (path: string): boolean => /\.(?:[cm]?[jt]s|py)$/i.test(path);

/**
 * How to run a server script: JavaScript with this very Node, TypeScript with Node and
 * the tsx loader (one process, so closing the client ends the server), Python with python3.
 * @example scriptCommand('src/server.ts') // { command: '/usr/bin/node', args: ['--import', 'file:///…/tsx/dist/loader.mjs', 'src/server.ts'] }
 */
export function scriptCommand(
  path: string,
  args: readonly string[] = [],
): ScriptCommand | undefined {
  if (/\.[cm]?js$/i.test(path)) return { command: process.execPath, args: [path, ...args] };
  if (/\.[cm]?ts$/i.test(path)) {
    return { command: process.execPath, args: ['--import', resolveTsx(path), path, ...args] };
  }
  if (/\.py$/i.test(path)) return { command: 'python3', args: [path, ...args] };
  return undefined;
}

/**
 * A bare `--import tsx` is resolved from the child's working directory, which fails when the
 * caller runs from elsewhere: resolve it here, from the script's project first, then the cwd.
 */
function resolveTsx(script: string): string {
  for (const from of [dirname(resolve(script)), process.cwd()]) {
    try {
      return pathToFileURL(createRequire(resolve(from, 'index.js')).resolve('tsx')).href;
    } catch {
      // not installed there: try the next place
    }
  }
  return 'tsx'; // let Node explain that tsx is missing
}
