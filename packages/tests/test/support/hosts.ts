// How each transport of the matrix is served and connected to. Every host serves a fresh contract
// server; `connect` opens one client connection with our real client.
import { fileURLToPath } from 'node:url';
import { type ClientOptions, type CoreClient, connectClient, type EraMode } from '@mcpkit/client';
import { createMemoryTransportPair } from '@mcpkit/core';
import { type HttpHandlerOptions, httpClientTransport } from '@mcpkit/http';
import { serveHttp } from '@mcpkit/http/node';
import { type FetchLike, serveSse, sseClientTransport } from '@mcpkit/sse';
import { stdioClientTransport } from '@mcpkit/stdio';
import { createContractServer } from '../../fixtures/contract-server.ts';
import { isAlive, until } from './wait.ts';

/** One client connection and how to tell that its server side is gone. */
export interface Connection {
  readonly client: CoreClient;
  /**
   * After `client.close()`: what is left of this connection on the server side, checked the
   * transport's way ('gone', or why nothing can be checked).
   */
  serverSide(): Promise<'gone' | 'still there' | `nothing to check: ${string}`>;
}

/** A running server side of one transport. */
export interface Host {
  connect(options: ClientOptions): Promise<Connection>;
  /** in-process hosts: what the `slow` call with this tag went through */
  readonly slowStatus: ((tag: string) => string) | undefined;
  close(): Promise<void>;
}

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_SCRIPT = fileURLToPath(new URL('../../fixtures/server.ts', import.meta.url));

const verdict = (gone: boolean) => (gone ? 'gone' : 'still there');

/** core's memory pair + `server.connect`, JSON round-tripped like a real wire. */
export async function memoryHost(mode: EraMode): Promise<Host> {
  const { server, slowStatus } = createContractServer();
  return {
    slowStatus,
    async connect(options) {
      const [clientSide, serverSide] = createMemoryTransportPair({ serialize: true });
      const connection = await server.connect(serverSide);
      const client = await connectClient(clientSide, { ...options, mode });
      return {
        client,
        serverSide: async () => verdict(await until(() => connection.session.closed)),
      };
    },
    close: () => server.close(),
  };
}

/** A child process running fixtures/server.ts from source, one per connection. */
export async function stdioHost(mode: EraMode): Promise<Host> {
  return {
    slowStatus: undefined,
    async connect(options) {
      const stderr: string[] = [];
      const transport = stdioClientTransport({
        command: process.execPath,
        args: ['--conditions=@mcpkit/source', '--import', 'tsx', SERVER_SCRIPT],
        cwd: PACKAGE_ROOT,
        onStderr: (text) => stderr.push(text),
      });
      const client = await connectClient(transport, { ...options, mode });
      const pid = transport.pid as number;
      return { client, serverSide: async () => verdict(await until(() => !isAlive(pid))) };
    },
    close: async () => {},
  };
}

/** `serveHttp` on an ephemeral loopback port with the given handler options. */
export async function httpHost(handler: HttpHandlerOptions, mode: EraMode): Promise<Host> {
  const { server, slowStatus } = createContractServer();
  const http = await serveHttp(server, { port: 0, ...handler });
  return {
    slowStatus,
    async connect(options) {
      const transport = httpClientTransport(http.url);
      const client = await connectClient(transport, { ...options, mode });
      const sessionId = transport.sessionId;
      const version = client.protocolVersion;
      return {
        client,
        serverSide: async () => {
          if (sessionId === undefined) return 'nothing to check: no session';
          // A request on an ended session must get 404 (spec: the client then starts over).
          const status = await postPing(http.url, {
            'mcp-session-id': sessionId,
            'mcp-protocol-version': version,
          });
          return verdict(status === 404);
        },
      };
    },
    close: async () => {
      await http.close();
      await server.close();
    },
  };
}

/** Legacy HTTP+SSE (`@mcpkit/sse`); the client's POST endpoint is captured to probe it later. */
export async function sseHost(): Promise<Host> {
  const { server, slowStatus } = createContractServer();
  const sse = await serveSse(server, { port: 0 });
  return {
    slowStatus,
    async connect(options) {
      let endpoint: string | undefined;
      const fetchSpy: FetchLike = (input, init) => {
        if (init.method === 'POST') endpoint = String(input);
        return fetch(input, init);
      };
      const transport = sseClientTransport(sse.url, { fetch: fetchSpy });
      const client = await connectClient(transport, { ...options, mode: 'handshake' });
      return {
        client,
        serverSide: async () => verdict((await postPing(endpoint as string, {})) === 404),
      };
    },
    close: async () => {
      await sse.close();
      await server.close();
    },
  };
}

async function postPing(url: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 'probe', method: 'ping' }),
  });
  await res.body?.cancel();
  return res.status;
}
