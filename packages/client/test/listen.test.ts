import { ENVELOPE_KEYS, McpError } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, type ListenNotification } from '../src/index.js';
import { startHandshakeServer } from './fakes/handshake-server.js';
import { startStatelessServer } from './fakes/stateless-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

describe('listen, stateless era (subscriptions/listen)', () => {
  async function setup() {
    const server = startStatelessServer();
    open.push(server);
    const globalSeen: unknown[] = [];
    const client = await connectClient(server.transport, {
      handlers: { listChanged: (kind) => globalSeen.push(kind) },
    });
    open.push(client);
    return { server, client, globalSeen };
  }

  it('opens a listen request with the envelope, routes its notifications by subscription id, and closes', async () => {
    const { server, client, globalSeen } = await setup();
    const tools: ListenNotification[] = [];
    const prompts: ListenNotification[] = [];
    const a = await client.listen(
      { toolsListChanged: true, resourceSubscriptions: ['config://app'] },
      (n) => tools.push(n),
    );
    const b = await client.listen({ promptsListChanged: true }, (n) => prompts.push(n));
    expect(a.acknowledged).toEqual({
      toolsListChanged: true,
      resourceSubscriptions: ['config://app'],
    });
    expect(b.acknowledged).toEqual({ promptsListChanged: true });
    const listens = server.seen.filter((s) => s.method === 'subscriptions/listen');
    expect(listens.map((s) => s.params)).toEqual([
      {
        notifications: { toolsListChanged: true, resourceSubscriptions: ['config://app'] },
        _meta: {
          [ENVELOPE_KEYS.protocolVersion]: '2026-07-28',
          [ENVELOPE_KEYS.clientCapabilities]: {},
          [ENVELOPE_KEYS.clientInfo]: { name: 'mcpkit-client', version: '0.1.0' },
        },
      },
      expect.objectContaining({ notifications: { promptsListChanged: true } }),
    ]);
    const [idA, idB] = listens.map((s) => s.id);
    await server.emit('notifications/tools/list_changed');
    await server.emit('notifications/prompts/list_changed');
    await server.emit('notifications/resources/updated', { uri: 'config://app' });
    await client.ping();
    expect(tools).toEqual([
      {
        method: 'notifications/tools/list_changed',
        params: { _meta: { [ENVELOPE_KEYS.subscriptionId]: idA } },
      },
      {
        method: 'notifications/resources/updated',
        params: { uri: 'config://app', _meta: { [ENVELOPE_KEYS.subscriptionId]: idA } },
      },
    ]);
    expect(prompts).toEqual([
      {
        method: 'notifications/prompts/list_changed',
        params: { _meta: { [ENVELOPE_KEYS.subscriptionId]: idB } },
      },
    ]);
    // Listen traffic is not duplicated into the client-wide handlers.
    expect(globalSeen).toEqual([]);
    expect(server.listening()).toEqual([idA, idB]);
    await a.close();
    await a.done;
    await client.ping();
    expect(server.listening()).toEqual([idB]);
    await server.emit('notifications/tools/list_changed');
    await client.ping();
    expect(tools).toHaveLength(2);
  });

  it('ends with await using and when the connection closes', async () => {
    const { server, client } = await setup();
    {
      await using handle = await client.listen({ toolsListChanged: true }, () => {});
      expect(server.listening()).toHaveLength(1);
      expect(handle.acknowledged).toEqual({ toolsListChanged: true });
    }
    await client.ping();
    expect(server.listening()).toEqual([]);
    const handle = await client.listen({ toolsListChanged: true }, () => {});
    await client.close();
    await handle.done;
  });

  it('fails when the server refuses to listen', async () => {
    const server = startStatelessServer({ handlers: { 'subscriptions/listen': undefined } });
    open.push(server);
    const client = await connectClient(server.transport);
    open.push(client);
    const error = await client.listen({ toolsListChanged: true }, () => {}).catch((e) => e);
    expect(error.toJSON()).toEqual({
      code: -32601,
      message: 'Method not found: subscriptions/listen',
    });
  });
});

describe('listen, handshake era (subscribe + list_changed)', () => {
  async function setup(capabilities?: Record<string, unknown>) {
    const server = startHandshakeServer(capabilities ? { capabilities } : {});
    open.push(server);
    const globalSeen: unknown[] = [];
    const client = await connectClient(server.transport, {
      handlers: { resourceUpdated: (uri) => globalSeen.push(uri) },
    });
    open.push(client);
    return { server, client, globalSeen };
  }

  it('subscribes once per URI across handles, filters notifications, unsubscribes on the last close', async () => {
    const { server, client, globalSeen } = await setup();
    const a: ListenNotification[] = [];
    const b: ListenNotification[] = [];
    const ha = await client.listen(
      { toolsListChanged: true, resourceSubscriptions: ['file:///dir'] },
      (n) => a.push(n),
    );
    const hb = await client.listen(
      { resourceSubscriptions: ['file:///dir', 'config://app'] },
      (n) => b.push(n),
    );
    expect(ha.acknowledged).toEqual({
      toolsListChanged: true,
      resourceSubscriptions: ['file:///dir'],
    });
    expect(hb.acknowledged).toEqual({ resourceSubscriptions: ['file:///dir', 'config://app'] });
    expect(server.requests('resources/subscribe').map((r) => r.params)).toEqual([
      { uri: 'file:///dir' },
      { uri: 'config://app' },
    ]);
    await server.session.notify('notifications/tools/list_changed');
    await server.session.notify('notifications/resources/updated', { uri: 'file:///dir/a.txt' });
    await server.session.notify('notifications/resources/updated', { uri: 'config://app' });
    await client.ping();
    expect(a).toEqual([
      { method: 'notifications/tools/list_changed', params: undefined },
      { method: 'notifications/resources/updated', params: { uri: 'file:///dir/a.txt' } },
    ]);
    expect(b).toEqual([
      { method: 'notifications/resources/updated', params: { uri: 'file:///dir/a.txt' } },
      { method: 'notifications/resources/updated', params: { uri: 'config://app' } },
    ]);
    // The client-wide handler still hears them in this era.
    expect(globalSeen).toEqual(['file:///dir/a.txt', 'config://app']);
    await ha.close();
    expect(server.requests('resources/unsubscribe')).toEqual([]);
    await hb.close();
    expect(server.requests('resources/unsubscribe').map((r) => r.params)).toEqual([
      { uri: 'file:///dir' },
      { uri: 'config://app' },
    ]);
    await server.session.notify('notifications/tools/list_changed');
    await client.ping();
    expect(a).toHaveLength(2);
  });

  it('releases what it subscribed when a later subscribe fails', async () => {
    const server = startHandshakeServer({
      handlers: {
        'resources/subscribe': (req) => {
          if (req.params?.uri === 'bad://x') throw new McpError(-32602, 'no such resource');
          return {};
        },
      },
    });
    open.push(server);
    const client = await connectClient(server.transport);
    open.push(client);
    const error = await client
      .listen({ resourceSubscriptions: ['config://app', 'bad://x'] }, () => {})
      .catch((e) => e);
    expect(error.message).toBe('no such resource');
    expect(server.requests('resources/unsubscribe').map((r) => r.params)).toEqual([
      { uri: 'config://app' },
    ]);
    const handle = await client.listen({ resourceSubscriptions: ['config://app'] }, () => {});
    expect(server.requests('resources/subscribe').map((r) => r.params)).toEqual([
      { uri: 'config://app' },
      { uri: 'bad://x' },
      { uri: 'config://app' },
    ]);
    await handle.close();
  });

  it('acknowledges only what the server declared', async () => {
    const { server, client } = await setup({
      tools: {},
      prompts: { listChanged: true },
      resources: {},
    });
    const handle = await client.listen(
      { toolsListChanged: true, promptsListChanged: true, resourceSubscriptions: ['config://app'] },
      () => {},
    );
    expect(handle.acknowledged).toEqual({ promptsListChanged: true });
    expect(server.requests('resources/subscribe')).toEqual([]);
    await handle.close();
  });

  it('ends when the connection closes', async () => {
    const { client } = await setup();
    const handle = await client.listen({ toolsListChanged: true }, () => {});
    await client.close();
    await handle.done;
  });
});
