import type { JsonRpcNotification, JsonRpcResponse } from '@mcpkit/core';
import { createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { envelope, initialized, SERVER_INFO, SUB_ID, tick } from './helpers.js';

const server = () =>
  createServer({ name: 's', version: '1' })
    .tool('a', {}, () => 'a')
    .prompt('p', {}, () => 'p')
    .resource('r://watched', {}, () => 'w')
    .resource('r://other', {}, () => 'o');

/** Open a listen stream through handle(); returns what it received and a way to end it. */
function openListen(s: ReturnType<typeof server>, id: number | string, notifications: object) {
  const received: JsonRpcNotification[] = [];
  const controller = new AbortController();
  const response: Promise<JsonRpcResponse> = s.handle(
    {
      jsonrpc: '2.0',
      id,
      method: 'subscriptions/listen',
      params: { notifications, _meta: envelope() },
    },
    { info: { signal: controller.signal }, notify: (n) => void received.push(n) },
  );
  return { received, response, end: () => controller.abort() };
}

describe('subscriptions/listen (stateless era)', () => {
  test('acknowledges the honoured filter, forwards only asked-for kinds tagged with the listen id', async () => {
    const s = server();
    const tools = openListen(s, 7, {
      toolsListChanged: true,
      resourceSubscriptions: ['r://watched'],
      unknownThing: true,
    });
    const prompts = openListen(s, 'p-1', { promptsListChanged: true });
    await tick();
    s.tool('b', {}, () => 'b');
    s.prompts.disable('p');
    s.notifyResourceUpdated('r://watched');
    s.notifyResourceUpdated('r://other');
    await tick();
    tools.end();
    prompts.end();
    expect(await tools.response).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: {
        resultType: 'complete',
        _meta: { [SUB_ID]: 7, [SERVER_INFO]: { name: 's', version: '1' } },
      },
    });
    await prompts.response;
    expect(tools.received).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: {
          notifications: { toolsListChanged: true, resourceSubscriptions: ['r://watched'] },
          _meta: { [SUB_ID]: 7 },
        },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/resources/updated',
        params: { uri: 'r://watched', _meta: { [SUB_ID]: 7 } },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/tools/list_changed',
        params: { _meta: { [SUB_ID]: 7 } },
      },
    ]);
    expect(prompts.received).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { notifications: { promptsListChanged: true }, _meta: { [SUB_ID]: 'p-1' } },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/prompts/list_changed',
        params: { _meta: { [SUB_ID]: 'p-1' } },
      },
    ]);
  });

  test('server.close() ends open listen streams', async () => {
    const s = server();
    const l = openListen(s, 1, { toolsListChanged: true });
    await tick();
    await s.close();
    expect(await l.response).toMatchObject({ id: 1, result: { resultType: 'complete' } });
  });

  test('listen over a connection ends when the client cancels it', async () => {
    await using c = await initialized(server());
    const controller = new AbortController();
    const call = c.client.request(
      'subscriptions/listen',
      { notifications: { toolsListChanged: true }, _meta: envelope() },
      { signal: controller.signal },
    );
    await tick();
    controller.abort();
    await expect(call).rejects.toThrow();
  });

  test('a missing filter answers -32602', async () => {
    const r = await server().handle(
      { jsonrpc: '2.0', id: 1, method: 'subscriptions/listen', params: { _meta: envelope() } },
      { notify: () => {} },
    );
    expect(r).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: {
        code: -32602,
        message: 'Invalid params: subscriptions/listen needs a notifications filter',
      },
    });
  });
});

describe('resources/subscribe (handshake era)', () => {
  test('only subscribed connections get notifications/resources/updated; unsubscribe stops them', async () => {
    const s = server();
    await using a = await initialized(s);
    await using b = await initialized(s);
    expect(await a.client.request('resources/subscribe', { uri: 'r://watched' })).toEqual({});
    s.notifyResourceUpdated('r://watched');
    s.notifyResourceUpdated('r://other');
    await tick();
    expect(await a.client.request('resources/unsubscribe', { uri: 'r://watched' })).toEqual({});
    s.notifyResourceUpdated('r://watched');
    await tick();
    expect(a.notifications).toEqual([
      { jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: 'r://watched' } },
    ]);
    expect(b.notifications).toEqual([]);
  });

  test('list changes reach every initialized connection', async () => {
    const s = server();
    await using a = await initialized(s);
    await using b = await initialized(s);
    s.resource('r://new', {}, () => 'n');
    s.notifyListChanged('tools');
    await tick();
    const expected = [
      { jsonrpc: '2.0', method: 'notifications/resources/list_changed' },
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
    ];
    expect(a.notifications).toEqual(expected);
    expect(b.notifications).toEqual(expected);
  });
});
