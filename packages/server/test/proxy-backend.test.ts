import { createClient } from '@mcpkit/client';
import { serveHttp } from '@mcpkit/http/node';
import { createProxy, createServer } from '@mcpkit/server';
import { afterEach, describe, expect, test } from 'vitest';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

/** A backend that tells each caller which of its sessions served it. */
const backend = () =>
  createServer({ name: 'backend', version: '1' }).tool('whoami', {}, (_i, ctx) =>
    String(ctx.sessionId),
  );

async function serve(port = 0) {
  const http = await serveHttp(backend(), { port });
  open.push(http);
  return http;
}

const whoami = async (client: { callTool(name: string): Promise<{ content: unknown[] }> }) =>
  ((await client.callTool('whoami')).content[0] as { text: string }).text;

describe('backend connections', () => {
  test('each proxy-side connection gets its own backend session', async () => {
    const http = await serve();
    const proxy = createProxy(http.url, { clientOptions: { mode: 'handshake' } });
    open.push(proxy);
    const a = await createClient(proxy, { mode: 'handshake' });
    open.push(a);
    const b = await createClient(proxy, { mode: 'handshake' });
    open.push(b);
    const a1 = await whoami(a);
    const b1 = await whoami(b);
    expect(a1).toMatch(/^[\w-]{8,}$/);
    expect(b1).not.toBe(a1);
    expect(await whoami(a)).toBe(a1);
    expect(await whoami(b)).toBe(b1);
  });

  test('sessionless requests get a backend session each; shareBackend makes one for all', async () => {
    const http = await serve();
    const isolated = createProxy(http.url, { clientOptions: { mode: 'handshake' } });
    open.push(isolated);
    const stateless = await createClient(isolated);
    open.push(stateless);
    expect(stateless.era).toBe('stateless');
    expect(await whoami(stateless)).not.toBe(await whoami(stateless));

    const shared = createProxy(http.url, {
      shareBackend: true,
      clientOptions: { mode: 'handshake' },
    });
    open.push(shared);
    const a = await createClient(shared, { mode: 'handshake' });
    open.push(a);
    const b = await createClient(shared);
    open.push(b);
    const first = await whoami(a);
    expect(await whoami(b)).toBe(first);
    expect(await whoami(a)).toBe(first);
  });

  test('a backend that is down gives a clear error; the proxy reconnects once it is back', async () => {
    const http = await serve();
    const port = Number(new URL(http.url).port);
    const proxy = createProxy(http.url, {
      shareBackend: true,
      clientOptions: { mode: 'handshake' },
    });
    open.push(proxy);
    const client = await createClient(proxy, { mode: 'handshake' });
    open.push(client);
    const before = await whoami(client);
    await http.close();

    const down = await client.callTool('whoami').catch((e: unknown) => e);
    expect(down).toMatchObject({ code: -32603, data: { backend: http.url } });
    expect((down as Error).message).toMatch(
      new RegExp(`^The backend MCP server \\(${http.url}\\) is unavailable: `),
    );

    await serve(port);
    const after = await whoami(client);
    expect(after).toMatch(/^[\w-]{8,}$/);
    expect(after).not.toBe(before);
    expect(await whoami(client)).toBe(after);
  });

  test('a proxy whose backend never answered fails its requests clearly, then recovers', async () => {
    const probe = await serve();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const proxy = createProxy(probe.url, { name: 'p' });
    open.push(proxy);
    const error = await createClient(proxy, { mode: 'handshake' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32603, data: { backend: probe.url } });
    await serve(port);
    const client = await createClient(proxy, { mode: 'handshake' });
    open.push(client);
    expect(await whoami(client)).toMatch(/^[\w-]{8,}$/);
  });
});
