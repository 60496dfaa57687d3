import {
  CancelledError,
  ConnectionClosedError,
  ENVELOPE_KEYS,
  McpError,
  TimeoutError,
} from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientOptions, connectClient, type McpClient, ToolCallError } from '../src/index.js';
import { startHandshakeServer } from './fakes/handshake-server.js';
import { startStatelessServer } from './fakes/stateless-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

type Era = 'handshake' | 'stateless';

async function connect(era: Era, options: ClientOptions = {}): Promise<McpClient> {
  const server = era === 'handshake' ? startHandshakeServer() : startStatelessServer();
  open.push(server);
  const client = await connectClient(server.transport, options);
  open.push(client);
  return client;
}

describe.each(['handshake', 'stateless'] as const)('operations, %s era', (era) => {
  it('negotiates the era', async () => {
    const client = await connect(era);
    expect(client.era).toBe(era);
    expect(client.protocolVersion).toBe(era === 'handshake' ? '2025-11-25' : '2026-07-28');
    expect(client.serverInfo).toEqual(
      era === 'handshake'
        ? { name: 'fake-handshake', version: '1.0.0' }
        : { name: 'fake-stateless', version: '2.0.0' },
    );
  });

  it('calls a tool with structured output', async () => {
    const client = await connect(era);
    const result = await client.callTool('echo', { a: 1 });
    expect(result).toEqual({
      content: [{ type: 'text', text: '{"a":1}' }],
      structuredContent: { echoed: { a: 1 } },
      isError: false,
      _meta: undefined,
      data: { echoed: { a: 1 } },
    });
  });

  it('parses a single JSON text block into data, and keeps plain text as text', async () => {
    const client = await connect(era);
    expect((await client.callTool('json_text')).data).toEqual({ n: 1, list: [true] });
    expect((await client.callTool('plain_text', { name: 'Ada' })).data).toBe('Hello, Ada!');
  });

  it('returns tool errors, or throws ToolCallError with throwOnError', async () => {
    const client = await connect(era);
    expect(await client.callTool('fail')).toEqual({
      content: [{ type: 'text', text: 'it broke' }],
      structuredContent: undefined,
      isError: true,
      _meta: undefined,
      data: undefined,
    });
    const error = await client.callTool('fail', {}, { throwOnError: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ToolCallError);
    expect(error.message).toBe('Tool fail failed: it broke');
    expect(error.toolName).toBe('fail');
    expect(error.result.isError).toBe(true);
  });

  it('throws McpError for protocol errors', async () => {
    const client = await connect(era);
    const error = await client.callTool('nope').catch((e) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error.toJSON()).toEqual({ code: -32602, message: 'Unknown tool: nope' });
  });

  it('lists resources, templates and prompts', async () => {
    const client = await connect(era);
    expect(await client.listResources()).toEqual([
      { uri: 'config://app', name: 'app' },
      { uri: 'file:///tmp/notes.txt', name: 'notes' },
    ]);
    expect(await client.listResourceTemplates()).toEqual([
      { uriTemplate: 'users://{id}/profile', name: 'profile' },
    ]);
    expect(await client.listPrompts()).toEqual([
      { name: 'review', arguments: [{ name: 'code', required: true }] },
    ]);
  });

  it('reads a resource', async () => {
    const client = await connect(era);
    const result = await client.readResource('config://app');
    expect(result.contents).toEqual([
      { uri: 'config://app', mimeType: 'text/plain', text: 'contents of config://app' },
    ]);
  });

  it('gets a prompt with non-string arguments sent as JSON', async () => {
    const client = await connect(era);
    const result = await client.getPrompt('review', {
      code: 'x = 1',
      lines: [1, 2],
      strict: true,
      skip: undefined,
    });
    expect(result.messages).toEqual([
      {
        role: 'user',
        content: { type: 'text', text: '{"code":"x = 1","lines":"[1,2]","strict":"true"}' },
      },
    ]);
  });

  it('completes an argument with context', async () => {
    const client = await connect(era);
    const completion = await client.complete(
      { type: 'ref/prompt', name: 'review' },
      { name: 'code', value: 'ab' },
      { lang: 'ts' },
    );
    expect(completion).toEqual({ values: ['ab1'], total: 1, hasMore: false });
    const raw = await client.request('completion/complete', {
      ref: { type: 'ref/resource', uri: 'users://{id}/profile' },
      argument: { name: 'id', value: '4' },
    });
    expect(raw.echo).toEqual({ ref: { type: 'ref/resource', uri: 'users://{id}/profile' } });
  });

  it('reports progress per call', async () => {
    const client = await connect(era);
    const seen: unknown[] = [];
    await client.callTool('progress', {}, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { progress: 1, total: 2, message: 'half' },
      { progress: 2, total: 2 },
    ]);
  });

  it('sends progress to the client-wide handler when the call has none', async () => {
    const seen: unknown[] = [];
    const client = await connect(era, { handlers: { progress: (p) => seen.push(p) } });
    await client.callTool('progress');
    expect(seen).toEqual([
      { progress: 1, total: 2, message: 'half', method: 'tools/call' },
      { progress: 2, total: 2, method: 'tools/call' },
    ]);
  });

  it('times out and cancels', async () => {
    const client = await connect(era);
    const timedOut = await client.callTool('slow', {}, { timeoutMs: 20 }).catch((e) => e);
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect(timedOut.message).toBe('Request tools/call timed out after 20 ms');
    const controller = new AbortController();
    const pending = client.callTool('slow', {}, { signal: controller.signal });
    controller.abort('stop');
    const cancelled = await pending.catch((e) => e);
    expect(cancelled).toBeInstanceOf(CancelledError);
    expect(cancelled.message).toBe('stop');
  });

  it('fails pending calls with ConnectionClosedError on close, and disposes with await using', async () => {
    const server = era === 'handshake' ? startHandshakeServer() : startStatelessServer();
    open.push(server);
    let pending: Promise<unknown> | undefined;
    {
      await using client = await connectClient(server.transport);
      pending = client.callTool('slow').catch((e) => e);
    }
    expect(await pending).toBeInstanceOf(ConnectionClosedError);
  });
});

describe('handshake-era specifics', () => {
  it('auto-paginates and exposes single pages', async () => {
    const client = await connect('handshake');
    const names = (await client.listTools()).map((t) => t.name);
    expect(names).toEqual([
      'echo',
      'json_text',
      'plain_text',
      'fail',
      'sample',
      'elicit',
      'roots',
      'progress',
      'slow',
    ]);
    const first = await client.listToolsPage();
    expect(first.nextCursor).toBe('page2');
    expect(first.tools.map((t) => t.name)).toEqual([
      'echo',
      'json_text',
      'plain_text',
      'fail',
      'sample',
    ]);
    const second = await client.listToolsPage('page2');
    expect(second.nextCursor).toBeUndefined();
    expect(second.tools).toHaveLength(4);
    const capped = await client.listTools({ maxPages: 1 }).catch((e) => e);
    expect(capped.message).toBe(
      'tools/list: more than 1 pages; raise maxPages or use the single-page variant',
    );
  });

  it('pings, sets the log level, subscribes and sends roots list_changed', async () => {
    const server = startHandshakeServer();
    open.push(server);
    const client = await connectClient(server.transport, { handlers: { roots: [] } });
    open.push(client);
    await client.ping();
    await client.setLoggingLevel('warning');
    await client.subscribeResource('config://app');
    await client.unsubscribeResource('config://app');
    await client.sendRootsListChanged();
    await client.ping();
    const params = (m: string) => server.requests(m).map((r) => r.params);
    expect(params('ping')).toEqual([undefined, undefined]);
    expect(params('logging/setLevel')).toEqual([{ level: 'warning' }]);
    expect(params('resources/subscribe')).toEqual([{ uri: 'config://app' }]);
    expect(params('resources/unsubscribe')).toEqual([{ uri: 'config://app' }]);
    expect(server.notifications('notifications/roots/list_changed')).toEqual([undefined]);
  });

  it('sets the log level at connect when asked and the server logs', async () => {
    const server = startHandshakeServer();
    open.push(server);
    open.push(await connectClient(server.transport, { logLevel: 'debug' }));
    expect(server.requests('logging/setLevel').map((r) => r.params)).toEqual([{ level: 'debug' }]);
  });

  it('merges caller _meta into the request', async () => {
    const server = startHandshakeServer();
    open.push(server);
    const client = await connectClient(server.transport);
    open.push(client);
    await client.callTool('echo', { a: 1 }, { meta: { trace: 'abc' } });
    expect(server.requests('tools/call')[0]?.params).toEqual({
      name: 'echo',
      arguments: { a: 1 },
      _meta: { trace: 'abc' },
    });
  });
});

describe('stateless-era specifics', () => {
  it('puts the envelope on every request, merged with caller _meta', async () => {
    const server = startStatelessServer();
    open.push(server);
    const client = await connectClient(server.transport, {
      clientInfo: { name: 'test-client', version: '9.9.9' },
      handlers: {
        sampling: () => ({ role: 'assistant', content: { type: 'text', text: '' }, model: 'm' }),
        roots: [],
      },
    });
    open.push(client);
    await client.callTool('echo', { a: 1 }, { meta: { trace: 'abc' } });
    const envelope = {
      [ENVELOPE_KEYS.protocolVersion]: '2026-07-28',
      [ENVELOPE_KEYS.clientCapabilities]: { sampling: {}, roots: {} },
      [ENVELOPE_KEYS.clientInfo]: { name: 'test-client', version: '9.9.9' },
    };
    expect(server.seen.map((s) => s.params)).toEqual([
      { _meta: envelope },
      { name: 'echo', arguments: { a: 1 }, _meta: { trace: 'abc', ...envelope } },
    ]);
    expect(server.seen.map((s) => s.method)).toEqual(['server/discover', 'tools/call']);
    expect(client.instructions).toBe('stateless fake');
    expect(client.capabilities).toEqual({ sampling: {}, roots: {} });
  });

  it('sends logLevel once the app sets one, and logs reach the handler', async () => {
    const logs: unknown[] = [];
    const client = await connect('stateless', { handlers: { log: (p) => logs.push(p) } });
    expect((await client.callTool('log')).data).toBe('logLevel undefined');
    await client.setLoggingLevel('info');
    expect((await client.callTool('log')).data).toBe('logLevel info');
    expect(logs).toEqual([{ level: 'info', data: 'logged' }]);
  });

  it('pings with server/discover and refuses resources/subscribe', async () => {
    const server = startStatelessServer();
    open.push(server);
    const client = await connectClient(server.transport);
    open.push(client);
    await client.ping();
    expect(server.seen.map((s) => s.method)).toEqual(['server/discover', 'server/discover']);
    const error = await client.subscribeResource('config://app').catch((e) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error.code).toBe(-32601);
    expect(error.message).toBe(
      'resources/subscribe does not exist in the stateless era (2026-07-28); use listen({ resourceSubscriptions })',
    );
    await client.sendRootsListChanged();
    expect(server.seen).toHaveLength(2);
  });

  it('treats a result without resultType as complete', async () => {
    const server = startStatelessServer();
    open.push(server);
    const client = await connectClient(server.transport);
    open.push(client);
    expect((await client.callTool('no_result_type')).data).toBe('plain');
    expect(server.seen.filter((s) => s.method === 'tools/call')).toHaveLength(1);
  });
});

describe('tool list hygiene', () => {
  it('drops tools with invalid x-mcp-header marks and keeps schemas verbatim', async () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: { n: { type: 'integer' } },
      properties: {
        region: { type: 'string', 'x-mcp-header': 'Region' },
        n: { $ref: '#/$defs/n' },
      },
      additionalProperties: false,
    };
    const tools = [
      { name: 'valid_tool', inputSchema: schema },
      {
        name: 'bad_tool',
        inputSchema: { type: 'object', properties: { x: { type: 'number', 'x-mcp-header': 'X' } } },
      },
    ];
    const server = startStatelessServer({
      handlers: { 'tools/list': () => ({ resultType: 'complete', tools }) },
    });
    open.push(server);
    const client = await connectClient(server.transport);
    open.push(client);
    expect(await client.listTools()).toEqual([{ name: 'valid_tool', inputSchema: schema }]);
    expect((await client.listToolsPage()).tools.map((t) => t.name)).toEqual(['valid_tool']);
  });
});
