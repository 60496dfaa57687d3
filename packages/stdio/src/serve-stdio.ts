import type { ServerConnection, ServerEndpoint } from '@mcpkit/core';
import { type StdioServerTransportOptions, stdioServerTransport } from './server-transport.js';

export interface ServeStdioOptions extends StdioServerTransportOptions {
  /** signals that close the connection (default SIGTERM and SIGINT); `[]` installs none */
  signals?: readonly NodeJS.Signals[];
  /** call `process.exit(0)` once the connection has closed (default false: the library never exits) */
  exitOnClose?: boolean;
}

const DEFAULT_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Serve one MCP connection over this process's stdin/stdout. It closes when stdin ends or
 * on SIGTERM/SIGINT; the signal listeners are removed on close, and the process then exits
 * by itself once nothing else keeps it alive (or at once with `exitOnClose`).
 * @example
 * await serveStdio(server); // in a script the client spawns
 */
export async function serveStdio(
  server: ServerEndpoint,
  options: ServeStdioOptions = {},
): Promise<ServerConnection> {
  const { signals = DEFAULT_SIGNALS, exitOnClose = false, ...transportOptions } = options;
  const connection = await server.connect(stdioServerTransport(transportOptions));
  const onSignal = (): void => {
    connection.close().catch(() => {});
  };
  for (const signal of signals) process.on(signal, onSignal);
  void connection.session.done.then(() => {
    for (const signal of signals) process.off(signal, onSignal);
    if (exitOnClose) process.exit(0);
  });
  return connection;
}
