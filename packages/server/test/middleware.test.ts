import type { CallToolResult, ListToolsResult } from '@mcpkit/core';
import { createServer, logging, ToolError, timing } from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { body, failure, initialized, result } from './helpers.js';

describe('.use()', () => {
  afterEach(() => vi.restoreAllMocks());

  test('plain functions wrap every request; hooks only their method; order is onion-like', async () => {
    const trace: string[] = [];
    const s = createServer({ name: 's', version: '1' })
      .use(async (ctx, next) => {
        trace.push(`outer>${ctx.method}`);
        const r = await next();
        trace.push(`outer<${ctx.method}`);
        return r;
      })
      .use({
        onRequest: async (ctx, next) => {
          trace.push(`req>${ctx.method}`);
          return next();
        },
        onCallTool: async (ctx, next) => {
          trace.push(`call>${String(ctx.params.name)}`);
          const r = await next();
          return {
            ...r,
            content: [...r.content, { type: 'text', text: 'added by middleware' }],
          } as CallToolResult;
        },
        onListTools: async (_ctx, next) => {
          const r = await next();
          return { ...r, tools: r.tools.filter((t) => t.name !== 'hidden') } as ListToolsResult;
        },
      })
      .tool('t', {}, () => {
        trace.push('handler');
        return 'x';
      })
      .tool('hidden', {}, () => 'h');
    await using c = await initialized(s);
    trace.length = 0;
    expect(await c.client.request('tools/call', { name: 't' })).toEqual({
      content: [
        { type: 'text', text: 'x' },
        { type: 'text', text: 'added by middleware' },
      ],
    });
    expect(trace).toEqual([
      'outer>tools/call',
      'req>tools/call',
      'call>t',
      'handler',
      'outer<tools/call',
    ]);
    trace.length = 0;
    expect(await c.client.request('tools/list')).toEqual({
      tools: [{ name: 't', inputSchema: { type: 'object', additionalProperties: false } }],
    });
    await c.client.request('ping');
    expect(trace).toEqual([
      'outer>tools/list',
      'req>tools/list',
      'outer<tools/list',
      'outer>ping',
      'req>ping',
      'outer<ping',
    ]);
  });

  test('middleware errors are handled like handler errors', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const make = (mask: boolean) =>
      createServer({ name: 's', version: '1', maskErrorDetails: mask })
        .use({
          onCallTool: (ctx) => {
            if (ctx.params.name === 'denied') throw new ToolError('Not allowed');
            throw new Error('middleware bug');
          },
          onListTools: () => {
            throw new Error('list bug');
          },
        })
        .tool('denied', {}, () => 'x')
        .tool('other', {}, () => 'x');
    expect(body(await result(make(true), 'tools/call', { name: 'denied' }))).toEqual({
      content: [{ type: 'text', text: 'Not allowed' }],
      isError: true,
    });
    expect(body(await result(make(true), 'tools/call', { name: 'other' }))).toEqual({
      content: [{ type: 'text', text: 'Error calling tool other' }],
      isError: true,
    });
    expect(await failure(make(false), 'tools/list')).toEqual({ code: -32603, message: 'list bug' });
    expect(await failure(make(true), 'tools/list')).toEqual({
      code: -32603,
      message: 'Error handling tools/list',
    });
  });

  test('use() rejects values that are not middleware', () => {
    expect(() => createServer({ name: 's', version: '1' }).use(42 as never)).toThrow(TypeError);
  });
});

describe('built-in middleware', () => {
  test('timing() reports each request', async () => {
    const lines: string[] = [];
    const s = createServer({ name: 's', version: '1' })
      .use(timing({ log: (l) => lines.push(l) }))
      .tool('t', {}, () => 'x');
    await result(s, 'tools/call', { name: 't' });
    expect(lines).toEqual([expect.stringMatching(/^tools\/call t took \d+\.\d ms$/)]);
  });

  test('logging() logs requests, results and failures', async () => {
    const lines: string[] = [];
    const s = createServer({ name: 's', version: '1' })
      .use(logging({ log: (l) => lines.push(l), payloads: true }))
      .resource('r://a', {}, () => 'A');
    await result(s, 'resources/read', { uri: 'r://a' });
    await failure(s, 'resources/read', { uri: 'r://missing' });
    expect(lines).toEqual([
      expect.stringMatching(/^→ resources\/read r:\/\/a \{"uri":"r:\/\/a","_meta":/),
      '← resources/read r://a {"contents":[{"uri":"r://a","mimeType":"text/plain","text":"A"}]}',
      expect.stringMatching(/^→ resources\/read r:\/\/missing /),
      '✗ resources/read r://missing: Resource not found: r://missing',
    ]);
  });
});
