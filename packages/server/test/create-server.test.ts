import { type JsonObject, McpError } from '@mcpkit/core';
import { createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  connectRaw,
  envelope,
  failure,
  handle,
  initialized,
  result,
  SERVER_INFO,
} from './helpers.js';

const full = () =>
  createServer({
    name: 'demo',
    version: '1.2.3',
    title: 'Demo',
    description: 'A demo server',
    websiteUrl: 'https://example.com',
    icons: [{ src: 'https://example.com/i.png', mimeType: 'image/png' }],
    instructions: 'Use greet.',
  })
    .tool('greet', { input: z.object({ name: z.string() }) }, ({ name }) => `Hello, ${name}!`)
    .resource('config://app', {}, () => ({ theme: 'dark' }))
    .prompt('review', {}, () => 'Review this');

describe('handshake era', () => {
  test('initialize answers with the negotiated version, capabilities, serverInfo and instructions', async () => {
    await using c = await initialized(full(), { protocolVersion: '2025-06-18' });
    expect(c.init).toEqual({
      protocolVersion: '2025-06-18',
      capabilities: {
        logging: {},
        completions: {},
        prompts: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        tools: { listChanged: true },
      },
      serverInfo: {
        name: 'demo',
        version: '1.2.3',
        title: 'Demo',
        description: 'A demo server',
        icons: [{ src: 'https://example.com/i.png', mimeType: 'image/png' }],
        websiteUrl: 'https://example.com',
      },
      instructions: 'Use greet.',
    });
  });

  test('an unknown version gets the newest handshake version; capabilities follow what is registered', async () => {
    const server = createServer({ name: 's', version: '1' }).tool('t', {}, () => 'x');
    await using c = await initialized(server, { protocolVersion: '1999-01-01' });
    expect(c.init).toEqual({
      protocolVersion: '2025-11-25',
      capabilities: { logging: {}, tools: { listChanged: true } },
      serverInfo: { name: 's', version: '1' },
    });
  });

  test('requests other than ping are refused before initialize', async () => {
    await using c = await connectRaw(full());
    expect(await c.client.request('ping')).toEqual({});
    await expect(c.client.request('tools/list')).rejects.toEqual(
      new McpError(-32600, 'Invalid Request: send initialize before tools/list'),
    );
  });

  test('ping, logging/setLevel and unknown methods', async () => {
    await using c = await initialized(full());
    expect(await c.client.request('ping')).toEqual({});
    expect(await c.client.request('logging/setLevel', { level: 'warning' })).toEqual({});
    await expect(c.client.request('logging/setLevel', { level: 'loud' })).rejects.toMatchObject({
      code: -32602,
      message: 'Invalid params: unknown log level "loud"',
    });
    await expect(c.client.request('nope/nope')).rejects.toMatchObject({
      code: -32601,
      message: 'Method not found: nope/nope',
    });
  });

  test('methods of features that are not registered answer -32601', async () => {
    const server = createServer({ name: 's', version: '1' }).tool('t', {}, () => 'x');
    await using c = await initialized(server);
    await expect(c.client.request('prompts/list')).rejects.toMatchObject({ code: -32601 });
    await expect(c.client.request('resources/list')).rejects.toMatchObject({ code: -32601 });
    await expect(c.client.request('completion/complete', {})).rejects.toMatchObject({
      code: -32601,
    });
  });

  test('one definition serves several connections', async () => {
    const server = full();
    await using a = await initialized(server);
    await using b = await initialized(server);
    const call = { name: 'greet', arguments: { name: 'Ada' } };
    expect(await a.client.request('tools/call', call)).toEqual({
      content: [{ type: 'text', text: 'Hello, Ada!' }],
    });
    expect(await b.client.request('tools/call', call)).toEqual({
      content: [{ type: 'text', text: 'Hello, Ada!' }],
    });
  });

  test('handle() serves handshake-era requests statelessly (no initialize needed)', async () => {
    const server = full();
    const { response } = await handle(
      server,
      'tools/call',
      { name: 'greet', arguments: { name: 'Bo' } },
      { raw: true },
    );
    expect(response).toMatchObject({
      jsonrpc: '2.0',
      result: { content: [{ type: 'text', text: 'Hello, Bo!' }] },
    });
    const init = await handle(
      server,
      'initialize',
      { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'c', version: '1' } },
      { raw: true },
    );
    expect(init.response).toMatchObject({
      result: { protocolVersion: '2025-03-26', serverInfo: { name: 'demo' } },
    });
  });
});

describe('stateless era', () => {
  test('server/discover', async () => {
    expect(await result(full(), 'server/discover')).toEqual({
      supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
      capabilities: {
        logging: {},
        completions: {},
        prompts: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        tools: { listChanged: true },
      },
      instructions: 'Use greet.',
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      // Discovery carries the whole Implementation, as initialize does.
      _meta: {
        [SERVER_INFO]: {
          name: 'demo',
          version: '1.2.3',
          title: 'Demo',
          description: 'A demo server',
          icons: [{ src: 'https://example.com/i.png', mimeType: 'image/png' }],
          websiteUrl: 'https://example.com',
        },
      },
    });
  });

  test('other results carry only name and version in their serverInfo _meta', async () => {
    expect(await result(full(), 'tools/list')).toEqual({
      tools: [
        {
          name: 'greet',
          inputSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
          },
        },
      ],
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: { [SERVER_INFO]: { name: 'demo', version: '1.2.3' } },
    });
  });

  test('envelope errors: missing _meta, missing keys, unsupported version', async () => {
    const server = full();
    expect(await failure(server, 'server/discover', {}, { raw: true })).toEqual({
      code: -32602,
      message: 'Invalid params: the request has no _meta envelope',
      data: { envelope: { missing: ['_meta'] } },
    });
    const noCaps = await failure(
      server,
      'server/discover',
      { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } },
      { raw: true },
    );
    expect(noCaps.code).toBe(-32602);
    const bad = await failure(
      server,
      'tools/list',
      {},
      { meta: { 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' } },
    );
    expect(bad).toEqual({
      code: -32022,
      message: 'Unsupported protocol version: v999.0.0',
      data: { supported: ['2026-07-28'], requested: 'v999.0.0' },
    });
  });

  test('a request without clientInfo is served', async () => {
    const meta = envelope();
    delete meta['io.modelcontextprotocol/clientInfo'];
    const { response } = await handle(full(), 'server/discover', { _meta: meta }, { raw: true });
    expect('result' in response).toBe(true);
  });

  test('removed and unknown methods answer -32601', async () => {
    for (const method of [
      'initialize',
      'ping',
      'logging/setLevel',
      'resources/subscribe',
      'resources/unsubscribe',
      'unknown/method',
    ]) {
      expect(await failure(full(), method, { uri: 'config://app', level: 'info' })).toEqual({
        code: -32601,
        message: `Method not found: ${method}`,
      });
    }
  });

  test('every result has resultType complete and serverInfo _meta; cacheable ones carry hints', async () => {
    const server = createServer({
      name: 'demo',
      version: '1',
      cache: { ttlMs: 5000, cacheScope: 'public' },
    })
      .tool('greet', {}, () => 'hi')
      .resource('config://app', {}, () => 'x')
      .prompt('p', {}, () => 'x');
    const hints = {
      resultType: 'complete',
      ttlMs: 5000,
      cacheScope: 'public',
      _meta: { [SERVER_INFO]: { name: 'demo', version: '1' } },
    };
    for (const method of [
      'tools/list',
      'prompts/list',
      'resources/list',
      'resources/templates/list',
    ]) {
      expect(await result(server, method)).toMatchObject(hints);
    }
    expect(await result(server, 'resources/read', { uri: 'config://app' })).toEqual({
      contents: [{ uri: 'config://app', mimeType: 'text/plain', text: 'x' }],
      ...hints,
    });
    expect(await result(server, 'tools/call', { name: 'greet' })).toEqual({
      content: [{ type: 'text', text: 'hi' }],
      resultType: 'complete',
      _meta: { [SERVER_INFO]: { name: 'demo', version: '1' } },
    });
  });

  test('a connection carries stateless-era requests (a 2026 client over stdio never initializes)', async () => {
    await using c = await connectRaw(full());
    const r = (await c.client.request('tools/call', {
      name: 'greet',
      arguments: { name: 'Cy' },
      _meta: envelope(),
    })) as JsonObject;
    expect(r).toEqual({
      content: [{ type: 'text', text: 'Hello, Cy!' }],
      resultType: 'complete',
      _meta: { [SERVER_INFO]: { name: 'demo', version: '1.2.3' } },
    });
    await expect(c.client.request('ping', { _meta: envelope() })).rejects.toMatchObject({
      code: -32601,
    });
  });
});
