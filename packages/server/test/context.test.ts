import type { JsonObject } from '@mcpkit/core';
import { createHttpHandler, type HttpMessageInfo } from '@mcpkit/http';
import { type Context, createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { body, handle, initialized, LOG, result } from './helpers.js';

const logTool = () =>
  createServer({ name: 's', version: '1' }).tool('log', {}, async (_i, ctx) => {
    await ctx.log.debug('d');
    await ctx.log.info({ step: 1 }, 'worker');
    await ctx.log.warning('w');
    await ctx.log.emergency('e');
    return 'ok';
  });

const messages = (notes: { method: string; params?: JsonObject }[]) =>
  notes.filter((n) => n.method === 'notifications/message').map((n) => n.params);

describe('ctx.log', () => {
  test('handshake era: everything until setLevel, then at or above the level', async () => {
    await using c = await initialized(logTool());
    await c.client.request('tools/call', { name: 'log' });
    expect(messages(c.notifications)).toEqual([
      { level: 'debug', data: 'd' },
      { level: 'info', logger: 'worker', data: { step: 1 } },
      { level: 'warning', data: 'w' },
      { level: 'emergency', data: 'e' },
    ]);
    c.notifications.length = 0;
    await c.client.request('logging/setLevel', { level: 'warning' });
    await c.client.request('tools/call', { name: 'log' });
    expect(messages(c.notifications)).toEqual([
      { level: 'warning', data: 'w' },
      { level: 'emergency', data: 'e' },
    ]);
  });

  test('stateless era: nothing without the logLevel opt-in; with it, at or above the level', async () => {
    const none = await handle(logTool(), 'tools/call', { name: 'log' });
    expect(none.notifications).toEqual([]);
    const some = await handle(
      logTool(),
      'tools/call',
      { name: 'log' },
      { meta: { [LOG]: 'info' } },
    );
    expect(messages(some.notifications)).toEqual([
      { level: 'info', logger: 'worker', data: { step: 1 } },
      { level: 'warning', data: 'w' },
      { level: 'emergency', data: 'e' },
    ]);
  });
});

describe('ctx.progress', () => {
  const progress = () =>
    createServer({ name: 's', version: '1' }).tool('p', {}, async (_i, ctx) => {
      await ctx.progress(0, 2);
      await ctx.progress(1, 2, 'half');
      await ctx.progress(2);
      return 'done';
    });

  test('sends notifications/progress for the request token, in both eras', async () => {
    await using c = await initialized(progress());
    const seen: unknown[] = [];
    await c.client.request('tools/call', { name: 'p' }, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { progress: 0, total: 2 },
      { progress: 1, total: 2, message: 'half' },
      { progress: 2 },
    ]);
    const s = await handle(
      progress(),
      'tools/call',
      { name: 'p' },
      { meta: { progressToken: 'tok' } },
    );
    expect(s.notifications).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'tok', progress: 0, total: 2 },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'tok', progress: 1, total: 2, message: 'half' },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'tok', progress: 2 },
      },
    ]);
  });

  test('is a no-op without a token', async () => {
    expect((await handle(progress(), 'tools/call', { name: 'p' })).notifications).toEqual([]);
  });
});

describe('request facts', () => {
  const facts = (ctx: Context<unknown>) => ({
    method: ctx.method,
    requestId: ctx.requestId,
    era: ctx.era,
    protocolVersion: ctx.protocolVersion,
    client: ctx.client,
    sessionId: ctx.sessionId,
    headers: ctx.headers,
    auth: ctx.auth,
    aborted: ctx.signal.aborted,
  });

  const server = () =>
    createServer({ name: 's', version: '1' }).tool(
      'facts',
      { output: z.record(z.string(), z.unknown()) },
      (_i, ctx) => facts(ctx),
    );

  test('handshake era: from initialize', async () => {
    await using c = await initialized(server(), {
      capabilities: { roots: {} },
      protocolVersion: '2025-06-18',
    });
    const r = (await c.client.request('tools/call', { name: 'facts' })) as {
      structuredContent: JsonObject;
    };
    expect(r.structuredContent).toEqual({
      method: 'tools/call',
      requestId: 1,
      era: 'handshake',
      protocolVersion: '2025-06-18',
      client: { info: { name: 'test-client', version: '1.0.0' }, capabilities: { roots: {} } },
      aborted: false,
    });
  });

  test('stateless era: from the envelope and the transport info', async () => {
    const { response } = await handle(
      server(),
      'tools/call',
      { name: 'facts' },
      {
        caps: { sampling: {} },
        info: { headers: { 'x-api-key': 'k' }, sessionId: 'sid', auth: { sub: 'u1' } },
      },
    );
    expect(
      (response as unknown as { result: { structuredContent: JsonObject } }).result
        .structuredContent,
    ).toEqual({
      method: 'tools/call',
      requestId: expect.any(Number),
      era: 'stateless',
      protocolVersion: '2026-07-28',
      client: { info: { name: 'test-client', version: '1.0.0' }, capabilities: { sampling: {} } },
      sessionId: 'sid',
      headers: { 'x-api-key': 'k' },
      auth: { sub: 'u1' },
      aborted: false,
    });
  });

  test('ctx.signal aborts when the client cancels', async () => {
    let resolveAbort!: (reason: unknown) => void;
    const aborted = new Promise((r) => (resolveAbort = r));
    const s = createServer({ name: 's', version: '1' }).tool('wait', {}, (_i, ctx) => {
      ctx.signal.addEventListener('abort', () => resolveAbort('aborted'));
      return new Promise(() => {});
    });
    await using c = await initialized(s);
    const controller = new AbortController();
    const call = c.client.request('tools/call', { name: 'wait' }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort('stop');
    await expect(call).rejects.toThrow();
    expect(await aborted).toBe('aborted');
  });
});

describe('own components and lifespan', () => {
  test('readResource, getPrompt, listTools, listResources, listResourceTemplates, listPrompts', async () => {
    const s = createServer({ name: 's', version: '1' })
      .resource('r://a', {}, () => 'A')
      .resourceTemplate('t://{x}', {}, ({ x }) => `T${x}`)
      .prompt('p', { args: z.object({ who: z.string() }) }, ({ who }) => `hi ${who}`)
      .tool('all', {}, async (_i, ctx) => ({
        a: await ctx.readResource('r://a'),
        t: await ctx.readResource('t://9'),
        p: await ctx.getPrompt('p', { who: 'Ada' }),
        tools: (await ctx.listTools()).map((t) => t.name),
        resources: (await ctx.listResources()).map((r) => r.uri),
        templates: (await ctx.listResourceTemplates()).map((r) => r.uriTemplate),
        prompts: (await ctx.listPrompts()).map((p) => p.name),
      }));
    const r = body(await result(s, 'tools/call', { name: 'all' }));
    expect(JSON.parse((r.content as { text: string }[])[0]!.text)).toEqual({
      a: [{ uri: 'r://a', mimeType: 'text/plain', text: 'A' }],
      t: [{ uri: 't://9', mimeType: 'text/plain', text: 'T9' }],
      p: { messages: [{ role: 'user', content: { type: 'text', text: 'hi Ada' } }] },
      tools: ['all'],
      resources: ['r://a'],
      templates: ['t://{x}'],
      prompts: ['p'],
    });
  });

  test('ctx.state is shared with middleware; ctx.lifespan is the start value; close() stops it', async () => {
    const events: string[] = [];
    const s = createServer({
      name: 's',
      version: '1',
      lifespan: {
        start: async () => {
          events.push('start');
          return { db: 'conn' };
        },
        stop: (value) => {
          events.push(`stop ${value.db}`);
        },
      },
    })
      .use(async (ctx, next) => {
        ctx.state.set('user', 'ada');
        return next();
      })
      .tool('t', {}, (_i, ctx) => `${ctx.state.get('user')}@${ctx.lifespan.db}`);
    expect(events).toEqual([]);
    await using c = await initialized(s);
    expect(await c.client.request('tools/call', { name: 't' })).toEqual({
      content: [{ type: 'text', text: 'ada@conn' }],
    });
    expect(body(await result(s, 'tools/call', { name: 't' }))).toEqual({
      content: [{ type: 'text', text: 'ada@conn' }],
    });
    expect(events).toEqual(['start']);
    await s.close();
    expect(events).toEqual(['start', 'stop conn']);
  });
});

describe('ctx.closeSseStream() / ctx.closeStandaloneSseStream()', () => {
  const closer = () =>
    createServer({ name: 's', version: '1' }).tool('close', {}, async (_i, ctx) => {
      const closed = [ctx.closeSseStream(), ctx.closeStandaloneSseStream()];
      await ctx.log.info('after close');
      return closed.join(',');
    });

  test('no-ops answering false where the transport has no streams (memory, stateless)', async () => {
    await using c = await initialized(closer());
    expect(await c.client.request('tools/call', { name: 'close' })).toEqual({
      content: [{ type: 'text', text: 'false,false' }],
    });
    expect(body(await result(closer(), 'tools/call', { name: 'close' }))).toEqual({
      content: [{ type: 'text', text: 'false,false' }],
    });
  });

  test("call the transport's functions from the request info", async () => {
    const calls: string[] = [];
    const info: HttpMessageInfo = {
      sessionId: 'sid',
      closeSseStream: () => void calls.push('request'),
      closeStandaloneSseStream: () => void calls.push('standalone'),
    };
    expect(body(await result(closer(), 'tools/call', { name: 'close' }, { info }))).toEqual({
      content: [{ type: 'text', text: 'true,true' }],
    });
    expect(calls).toEqual(['request', 'standalone']);
  });

  test('over Streamable HTTP the POST stream ends before the result; GET + Last-Event-ID resumes', async () => {
    const server = createServer({ name: 's', version: '1' }).tool('poll', {}, async (_i, ctx) => {
      const closed = ctx.closeSseStream();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return `closed=${closed}`;
    });
    const handler = createHttpHandler(server, { retryMs: 10 });
    const send = (message: JsonObject, headers: Record<string, string> = {}) =>
      handler(
        new Request('http://127.0.0.1/mcp', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream, application/json',
            ...headers,
          },
          body: JSON.stringify(message),
        }),
      );
    try {
      const init = await send({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: {
          protocolVersion: '2025-11-25',
          capabilities: {},
          clientInfo: { name: 'c', version: '1' },
        },
      });
      const sid = init.headers.get('mcp-session-id')!;
      await init.text();
      const headers = { 'mcp-session-id': sid, 'mcp-protocol-version': '2025-11-25' };
      await (await send({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers)).text();
      const call = await send(
        { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'poll' } },
        headers,
      );
      const first = await call.text();
      // Only the priming event (an id, empty data, the retry hint): no result on this stream.
      const primingId = /^id: (.+)$/m.exec(first)?.[1];
      expect(primingId).toBeDefined();
      expect(first).toContain('retry: 10');
      expect(first).not.toContain('"result"');
      const resumed = await handler(
        new Request('http://127.0.0.1/mcp', {
          method: 'GET',
          headers: { ...headers, accept: 'text/event-stream', 'last-event-id': primingId! },
        }),
      );
      const data = (await resumed.text())
        .split('\n')
        .filter((line) => line.startsWith('data: ') && line.length > 6)
        .map((line) => JSON.parse(line.slice(6)));
      expect(data).toEqual([
        { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'closed=true' }] } },
      ]);
    } finally {
      await handler.close();
      await server.close();
    }
  });
});
