import type { ServerConnection, ServerEndpoint } from '@mcpkit/core';
import type { Listening, ListenOptions } from './builder.js';

/** Loads a transport package; replaceable in tests. */
export type ModuleLoader = (specifier: string) => Promise<unknown>;

// A computed specifier: the transports are optional peers, never bundled unless used.
const defaultLoader: ModuleLoader = (specifier) => import(/* @vite-ignore */ specifier);

const PACKAGES = {
  stdio: { specifier: '@mcpkit/stdio', pkg: '@mcpkit/stdio', fn: 'serveStdio' },
  http: { specifier: '@mcpkit/http/node', pkg: '@mcpkit/http', fn: 'serveHttp' },
  sse: { specifier: '@mcpkit/sse', pkg: '@mcpkit/sse', fn: 'serveSse' },
} as const;

const isMissingModule = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /Cannot find (module|package)|Failed to (load|resolve)/.test(message)
  );
};

/** `server.listen()`: serve through the transport package the options name. */
export async function serveWith(
  server: ServerEndpoint,
  options: ListenOptions,
  load: ModuleLoader = defaultLoader,
): Promise<Listening> {
  const { transport = 'stdio', ...rest } = options;
  const target = PACKAGES[transport];
  if (!target) {
    throw new TypeError(
      `Unknown transport ${JSON.stringify(transport)}: use 'stdio', 'http' or 'sse'`,
    );
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await load(target.specifier)) as Record<string, unknown>;
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    throw new Error(
      `server.listen({ transport: '${transport}' }) needs the ${target.pkg} package; install it with \`npm install ${target.pkg}\``,
      { cause: error },
    );
  }
  const serve = mod[target.fn];
  if (typeof serve !== 'function') {
    throw new Error(
      `${target.specifier} does not export ${target.fn}(); is ${target.pkg} up to date?`,
    );
  }
  if (transport === 'stdio') {
    const connection = (await serve(server, rest)) as ServerConnection;
    return { close: () => connection.close() };
  }
  return (await serve(server, rest)) as Listening;
}
