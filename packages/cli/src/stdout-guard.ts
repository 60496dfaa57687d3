import { Console } from 'node:console';

const CONSOLE_METHODS = [
  'log',
  'info',
  'debug',
  'dir',
  'dirxml',
  'table',
  'trace',
  'group',
] as const;

/**
 * Over stdio, stdout carries protocol only: send the user code's `console.log` & co. to stderr
 * so one stray log line cannot corrupt the stream.
 */
export function routeConsoleToStderr(): void {
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const method of CONSOLE_METHODS) {
    (console as unknown as Record<string, unknown>)[method] = toStderr[method].bind(toStderr);
  }
}
