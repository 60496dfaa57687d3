import type { ServerEndpoint } from '@mcpkit/core';

/** The transports `mcpkit run` can serve over. */
export type TransportName = 'stdio' | 'http' | 'sse';

/** How `mcpkit run` was asked to serve. */
export interface ServeOptions {
  transport: TransportName;
  host: string;
  port: number;
  /** undefined: the transport's default (/mcp for http, /sse for sse) */
  path: string | undefined;
}

/** A running server, whichever way it was started. */
export interface Served {
  readonly url: string | undefined;
  close(): Promise<void>;
}

type Listenable = ServerEndpoint & {
  listen(options: Record<string, unknown>): Promise<{ url?: string; close(): Promise<void> }>;
  close?(): Promise<void>;
};

const hasListen = (server: ServerEndpoint): server is Listenable =>
  typeof (server as Partial<Listenable>).listen === 'function';

const MISSING_TRANSPORT = /needs the @mcpkit\/\w+ package/;

/**
 * Serve with `server.listen()` (so a server's lifespan starts as it would in the user's own
 * script), or with this CLI's own transport packages when the server has no `listen` or its
 * `@mcpkit/server` cannot see the transport package (an optional peer the user did not install).
 */
export async function serve(server: ServerEndpoint, options: ServeOptions): Promise<Served> {
  const listenOptions = toListenOptions(options);
  if (hasListen(server)) {
    try {
      const listening = await server.listen(listenOptions);
      return {
        url: listening.url,
        close: async () => {
          await listening.close();
          await server.close?.();
        },
      };
    } catch (error) {
      if (!(error instanceof Error && MISSING_TRANSPORT.test(error.message))) throw error;
    }
  }
  return serveDirectly(server, options);
}

function toListenOptions({ transport, host, port, path }: ServeOptions): Record<string, unknown> {
  // Our own handlers own the signals and the end of stdin (see `mcpkit run`).
  if (transport === 'stdio') return { transport, signals: [] };
  return { transport, host, port, ...(path === undefined ? {} : { path }) };
}

async function serveDirectly(server: ServerEndpoint, options: ServeOptions): Promise<Served> {
  const served = await openTransport(server, options);
  const closeServer = (server as Partial<Listenable>).close;
  return {
    url: served.url,
    close: async () => {
      await served.close();
      await closeServer?.call(server);
    },
  };
}

async function openTransport(server: ServerEndpoint, options: ServeOptions): Promise<Served> {
  const { host, port, path } = options;
  switch (options.transport) {
    case 'stdio': {
      const { serveStdio } = await import('@mcpkit/stdio');
      const connection = await serveStdio(server, { signals: [] });
      return { url: undefined, close: () => connection.close() };
    }
    case 'http': {
      const { serveHttp } = await import('@mcpkit/http/node');
      const handle = await serveHttp(server, { host, port, ...(path ? { path } : {}) });
      return { url: handle.url, close: () => handle.close() };
    }
    case 'sse': {
      const { serveSse } = await import('@mcpkit/sse');
      const handle = await serveSse(server, { host, port, ...(path ? { path } : {}) });
      return { url: handle.url, close: () => handle.close() };
    }
  }
}
