import { createClient } from '@mcpkit/client';
import { createProxy, createServer } from '@mcpkit/server';
import { afterEach, describe, expect, test } from 'vitest';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the proxy mirrors the backend', () => {
  test.each([
    ['handshake', 'handshake'],
    ['stateless', 'auto'],
  ] as const)(
    'backend %s era: its list changes reach the proxy clients, with the new list',
    async (_era, mode) => {
      const backend = createServer({ name: 'b', version: '1' }).tool('a', {}, () => 'a');
      const proxy = createProxy(backend, { clientOptions: { mode } });
      open.push(proxy);
      const changes: string[] = [];
      const client = await createClient(proxy, {
        mode: 'handshake',
        handlers: { listChanged: (kind) => void changes.push(kind) },
      });
      open.push(client);
      expect((await client.listTools()).map((t) => t.name)).toEqual(['a']);
      backend.tool('b', {}, () => 'b');
      await until(() => changes.length > 0, 'list_changed');
      expect(changes).toEqual(['tools']);
      expect((await client.listTools()).map((t) => t.name)).toEqual(['a', 'b']);
      backend.tools.disable('a');
      await until(() => changes.length > 1, 'second list_changed');
      expect((await client.listTools()).map((t) => t.name)).toEqual(['b']);
      await expect(client.callTool('a')).rejects.toMatchObject({ code: -32602 });
    },
  );

  test('a stateless-era client listening on the proxy hears the backend list change', async () => {
    const backend = createServer({ name: 'b', version: '1' }).prompt('p', {}, () => 'p');
    const proxy = createProxy(backend);
    open.push(proxy);
    const client = await createClient(proxy);
    open.push(client);
    expect(client.era).toBe('stateless');
    const heard: string[] = [];
    const listening = await client.listen({ promptsListChanged: true }, (n) => {
      heard.push(n.method);
    });
    open.push(listening);
    backend.prompt('q', {}, () => 'q');
    await until(() => heard.length > 0, 'prompts list_changed');
    expect(heard).toEqual(['notifications/prompts/list_changed']);
    expect((await client.listPrompts()).map((p) => p.name)).toEqual(['p', 'q']);
  });

  test('subscribing to a proxied resource subscribes on the backend; updates come back', async () => {
    const backend = createServer({ name: 'b', version: '1' }).resource(
      'state://counter',
      {},
      () => 'n',
    );
    const proxy = createProxy(backend);
    open.push(proxy);
    const updated: string[] = [];
    const client = await createClient(proxy, {
      mode: 'handshake',
      handlers: { resourceUpdated: (uri) => void updated.push(uri) },
    });
    open.push(client);
    await client.subscribeResource('state://counter');
    // The subscription reaches the backend on its own connection, a moment later.
    await until(async () => {
      backend.notifyResourceUpdated('state://counter');
      await new Promise((r) => setTimeout(r, 5));
      return updated.length > 0;
    }, 'resources/updated');
    expect(updated[0]).toBe('state://counter');
    await client.unsubscribeResource('state://counter');
  });

  test("the proxy's capabilities are the backend's", async () => {
    const toolsOnly = createServer({ name: 'b', version: '1' }).tool('t', {}, () => 't');
    const proxy = createProxy(toolsOnly, { name: 'p', version: '2' });
    open.push(proxy);
    const client = await createClient(proxy, { mode: 'handshake' });
    open.push(client);
    expect(client.serverInfo).toEqual({ name: 'p', version: '2' });
    expect(client.serverCapabilities).toEqual({
      logging: {},
      tools: { listChanged: true },
    });
  });
});
