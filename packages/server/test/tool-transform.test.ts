import { createServer, toolResult } from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { body, initialized, result, tick } from './helpers.js';

const searchServer = (seen: unknown[] = []) =>
  createServer({ name: 's', version: '1' }).tool(
    'search',
    {
      description: 'Search',
      input: z.object({
        q: z.string(),
        limit: z.number(),
        apiKey: z.string(),
      }),
    },
    (input) => {
      seen.push(input);
      return `${input.q}:${input.limit}:${input.apiKey}`;
    },
  );

describe('transformTool()', () => {
  afterEach(() => vi.restoreAllMocks());

  test('renames, redescribes, defaults and hides arguments; calls map back to the original', async () => {
    const seen: unknown[] = [];
    const s = searchServer(seen).transformTool('search', {
      name: 'find',
      description: 'Find things',
      args: {
        q: { name: 'query', description: 'What to look for' },
        limit: { default: 10 },
        apiKey: { hide: true, value: 'k-123' },
      },
    });
    const listed = body(await result(s, 'tools/list')) as { tools: unknown[] };
    expect(listed.tools[1]).toEqual({
      name: 'find',
      description: 'Find things',
      inputSchema: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'What to look for' },
          limit: { type: 'number', default: 10 },
        },
        required: ['query'],
      },
    });
    expect(
      body(await result(s, 'tools/call', { name: 'find', arguments: { query: 'cats' } })),
    ).toEqual({ content: [{ type: 'text', text: 'cats:10:k-123' }] });
    // The original's names and hidden arguments cannot be set through the new tool.
    await result(s, 'tools/call', {
      name: 'find',
      arguments: { query: 'x', q: 'sneaky', apiKey: 'stolen', limit: 2 },
    });
    expect(seen).toEqual([
      { q: 'cats', limit: 10, apiKey: 'k-123' },
      { q: 'x', limit: 2, apiKey: 'k-123' },
    ]);
  });

  test('hideOriginal hides it; the same name replaces it in place', async () => {
    const hidden = searchServer().transformTool('search', { name: 'find', hideOriginal: true });
    const names = (r: unknown) => (r as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(names(await result(hidden, 'tools/list'))).toEqual(['find']);
    const replaced = searchServer().transformTool('search', {
      args: { apiKey: { hide: true, value: () => 'from-fn' } },
    });
    expect(names(await result(replaced, 'tools/list'))).toEqual(['search']);
    expect(
      body(
        await result(replaced, 'tools/call', { name: 'search', arguments: { q: 'a', limit: 1 } }),
      ),
    ).toEqual({ content: [{ type: 'text', text: 'a:1:from-fn' }] });
  });

  test('fn runs instead, with callOriginal and the context; the middleware runs once', async () => {
    const trace: string[] = [];
    const s = searchServer()
      .use({
        onCallTool: (ctx, next) => {
          trace.push(String(ctx.params.name));
          return next();
        },
      })
      .transformTool('search', {
        name: 'shout',
        args: { apiKey: { hide: true, value: 'k' } },
        fn: async (args, { callOriginal, ctx }) => {
          const original = await callOriginal({ ...args, q: String(args.q).toUpperCase() });
          const text = (original.content ?? [])[0] as { text: string };
          return toolResult({
            content: [{ type: 'text', text: `${text.text}!` }],
            meta: { m: ctx.method },
          });
        },
      });
    expect(
      body(await result(s, 'tools/call', { name: 'shout', arguments: { q: 'hi', limit: 1 } })),
    ).toEqual({ content: [{ type: 'text', text: 'HI:1:k!' }], _meta: { m: 'tools/call' } });
    expect(trace).toEqual(['shout']);
  });

  test('a transformed mounted tool follows the original as it comes and goes', async () => {
    const sub = createServer({ name: 'sub', version: '1' });
    const main = createServer({ name: 'main', version: '1' })
      .mount(sub, { prefix: 'x' })
      .transformTool('x_echo', {
        name: 'say',
        args: { text: { name: 'words' } },
        hideOriginal: true,
      });
    await using c = await initialized(main);
    expect(await c.client.request('tools/list')).toEqual({ tools: [] });
    sub.tool('echo', { input: z.object({ text: z.string() }) }, ({ text }) => text);
    await tick();
    expect(c.notifications).toEqual([
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
    ]);
    expect(await c.client.request('tools/list')).toEqual({
      tools: [
        {
          name: 'say',
          inputSchema: {
            type: 'object',
            properties: { words: { type: 'string' } },
            required: ['words'],
          },
        },
      ],
    });
    expect(
      await c.client.request('tools/call', { name: 'say', arguments: { words: 'hello' } }),
    ).toEqual({ content: [{ type: 'text', text: 'hello' }] });
    sub.tools.remove('echo');
    await tick();
    expect(await c.client.request('tools/list')).toEqual({ tools: [] });
  });

  test('an argument the tool does not have is reported once its schema is known', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // @ts-expect-error: the types know the tool has no such argument; the runtime warns
    const s = searchServer().transformTool('search', { args: { nope: { name: 'x' } } });
    await result(s, 'tools/list');
    expect(console.warn).toHaveBeenCalledWith(
      'mcpkit: transformTool(search): the tool has no argument nope',
    );
  });
});
