import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createDispatcher, createMemoryTransportPair, createSession } from '@mcpkit/core';
import { serveHttp } from '@mcpkit/http/node';
import { createServer } from '@mcpkit/server';
import { serveSse } from '@mcpkit/sse';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/stdio-server.ts', import.meta.url));

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

type Src = ReturnType<typeof makeServer>;

const makeServer = () =>
  createServer({ name: 'src', version: '1.0.0' }).tool('hello', {}, () => 'hi');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('sources', () => {
  it('memory: connects a server definition and closes its connection with the client', async () => {
    const server = makeServer();
    open.push(server);
    const client = await createClient(server);
    expect(client.era).toBe('stateless');
    expect(await client.tools.hello()).toBe('hi');
    await client.close();
    expect(client.closed).toBe(true);
  });

  it('transport: uses a given transport as is', async () => {
    const [clientSide, serverSide] = createMemoryTransportPair();
    const session = createSession({
      transport: serverSide,
      onRequest: createDispatcher({
        initialize: () => ({
          protocolVersion: '2025-06-18',
          capabilities: {},
          serverInfo: { name: 't', version: '1' },
        }),
      }),
    });
    open.push(session);
    await session.start();
    const client = await createClient(clientSide);
    open.push(client);
    expect([client.era, client.protocolVersion]).toEqual(['handshake', '2025-06-18']);
  });

  it('stdio: runs a .ts script under tsx and ends the child on close', async () => {
    const client = await createClient(
      { command: fixture, cwd: repoRoot, env: { TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.json` } },
      { stderr: 'pipe' },
    );
    open.push(client);
    expect(client.serverInfo).toEqual({ name: 'child', version: '1.0.0' });
    expect(await client.tools.greet!({ name: 'Ada' })).toBe('Hello, Ada!');
    const pid = (await client.tools.pid!()) as number;
    expect(isAlive(pid)).toBe(true);
    await client.close();
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(isAlive(pid)).toBe(false);
  }, 20_000);

  it('stdio: a .ts script runs from any working directory (tsx is resolved from the script)', async () => {
    const client = await createClient(
      { command: fixture, cwd: tmpdir(), env: { TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.json` } },
      { stderr: 'pipe' },
    );
    open.push(client);
    expect(await client.tools.greet!({ name: 'Grace' })).toBe('Hello, Grace!');
  }, 20_000);

  it('stdio: a command that cannot start fails connect', async () => {
    const error = await createClient('mcpkit-no-such-command-xyz --flag').catch((e) => e);
    expect(error.message).toBe(
      'Failed to start MCP server "mcpkit-no-such-command-xyz": spawn mcpkit-no-such-command-xyz ENOENT',
    );
  });

  it.each(['auto', 'handshake'] as const)('http: Streamable HTTP, mode %s', async (mode) => {
    const server = makeServer();
    open.push(server);
    const http = await serveHttp(server, { port: 0 });
    open.push(http);
    const client = await createClient<Src>(http.url, { mode });
    open.push(client);
    expect(client.era).toBe(mode === 'auto' ? 'stateless' : 'handshake');
    expect(await client.tools.hello()).toBe('hi');
  });

  it.each(['auto', 'handshake'] as const)(
    'http: listen works over Streamable HTTP, mode %s',
    async (mode) => {
      const server = makeServer();
      open.push(server);
      const http = await serveHttp(server, { port: 0 });
      open.push(http);
      const client = await createClient<Src>(http.url, { mode });
      open.push(client);
      const seen: string[] = [];
      const handle = await client.listen({ toolsListChanged: true }, (n) => seen.push(n.method));
      expect(handle.acknowledged).toEqual({ toolsListChanged: true });
      server.notifyListChanged('tools');
      for (let i = 0; i < 100 && seen.length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual(['notifications/tools/list_changed']);
      await handle.close();
      await handle.done;
    },
  );

  it('sse: a /sse URL speaks legacy HTTP+SSE', async () => {
    const server = makeServer();
    open.push(server);
    const sse = await serveSse(server, { port: 0 });
    open.push(sse);
    expect(sse.url.endsWith('/sse')).toBe(true);
    const client = await createClient<Src>(sse.url);
    open.push(client);
    expect([client.era, await client.tools.hello()]).toEqual(['handshake', 'hi']);
  });

  it('http: falls back to legacy SSE when Streamable HTTP answers 404/405', async () => {
    const server = makeServer();
    open.push(server);
    const sse = await serveSse(server, { port: 0, path: '/events' });
    open.push(sse);
    const client = await createClient<Src>(sse.url);
    open.push(client);
    expect([client.era, await client.tools.hello()]).toEqual(['handshake', 'hi']);
  });
});
