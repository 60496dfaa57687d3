import { createServer, File, Image, ToolError, toolResult, WRAP_RESULT_KEY } from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { body, failure, initialized, result } from './helpers.js';

const png = new Uint8Array([137, 80, 78, 71]);

const server = () =>
  createServer({ name: 's', version: '1' })
    .tool('str', {}, () => 'text')
    .tool('num', {}, () => 42)
    .tool('bool', {}, () => false)
    .tool('nothing', {}, () => undefined)
    .tool('obj', {}, () => ({ a: 1, b: [true] }))
    .tool('arr', {}, () => [1, 2])
    .tool('block', {}, () => ({ type: 'text', text: 'as block' }))
    .tool('blocks', {}, () => [{ type: 'text', text: 'one' }, Image.fromBytes(png)])
    .tool('image', {}, () => Image.fromBytes(png, 'image/png'))
    .tool('file', {}, () => File.fromText('hello', { name: 'a.txt' }))
    .tool('explicit', {}, () =>
      toolResult({
        content: [{ type: 'text', text: 'x' }],
        structuredContent: { y: 1 },
        meta: { m: 1 },
        isError: true,
      }),
    )
    .tool('structured', { output: z.object({ sum: z.number() }) }, () => ({ sum: 3 }))
    .tool('wrapped', { output: z.number() }, () => 7)
    .tool('wrappedText', { output: z.string() }, () => 'plain')
    .tool('badOutput', { output: z.object({ sum: z.number() }) }, () => ({ sum: 'x' }) as never)
    .tool('add', { input: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => a + b)
    .tool('async', {}, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return 'later';
    });

const calls: [string, Record<string, unknown>, unknown][] = [
  ['str', {}, { content: [{ type: 'text', text: 'text' }] }],
  ['num', {}, { content: [{ type: 'text', text: '42' }] }],
  ['bool', {}, { content: [{ type: 'text', text: 'false' }] }],
  ['nothing', {}, { content: [] }],
  ['obj', {}, { content: [{ type: 'text', text: '{"a":1,"b":[true]}' }] }],
  ['arr', {}, { content: [{ type: 'text', text: '[1,2]' }] }],
  ['block', {}, { content: [{ type: 'text', text: 'as block' }] }],
  [
    'blocks',
    {},
    {
      content: [
        { type: 'text', text: 'one' },
        { type: 'image', data: 'iVBORw==', mimeType: 'image/png' },
      ],
    },
  ],
  ['image', {}, { content: [{ type: 'image', data: 'iVBORw==', mimeType: 'image/png' }] }],
  [
    'file',
    {},
    {
      content: [
        {
          type: 'resource',
          resource: { uri: 'file:///a.txt', mimeType: 'text/plain', text: 'hello' },
        },
      ],
    },
  ],
  [
    'explicit',
    {},
    {
      content: [{ type: 'text', text: 'x' }],
      structuredContent: { y: 1 },
      isError: true,
      _meta: { m: 1 },
    },
  ],
  [
    'structured',
    {},
    { content: [{ type: 'text', text: '{"sum":3}' }], structuredContent: { sum: 3 } },
  ],
  ['wrapped', {}, { content: [{ type: 'text', text: '7' }], structuredContent: { result: 7 } }],
  [
    'wrappedText',
    {},
    { content: [{ type: 'text', text: 'plain' }], structuredContent: { result: 'plain' } },
  ],
  ['add', { a: 1, b: 2 }, { content: [{ type: 'text', text: '3' }] }],
  ['async', {}, { content: [{ type: 'text', text: 'later' }] }],
  [
    'add',
    { a: 'x' },
    {
      content: [
        {
          type: 'text',
          text: 'Invalid arguments for tool add: Invalid input: a: expected number, received string; b: expected number, received undefined',
        },
      ],
      isError: true,
    },
  ],
  [
    'badOutput',
    {},
    {
      content: [
        {
          type: 'text',
          text: 'Tool badOutput returned a value that does not match its output schema: Invalid input: sum: expected number, received string',
        },
      ],
      isError: true,
    },
  ],
];

describe('return conversion', () => {
  test.each(calls)('handshake era: %s %j', async (name, args, expected) => {
    await using c = await initialized(server());
    expect(await c.client.request('tools/call', { name, arguments: args })).toEqual(expected);
  });

  test.each(calls)('stateless era: %s %j', async (name, args, expected) => {
    expect(body(await result(server(), 'tools/call', { name, arguments: args }))).toEqual(expected);
  });
});

describe('listing', () => {
  test('tools/list shows schemas, annotations, icons, meta; primitives are wrapped', async () => {
    const s = createServer({ name: 's', version: '1' })
      .tool(
        'add',
        {
          title: 'Add',
          description: 'Adds',
          input: z.object({ a: z.number().describe('first') }),
          output: z.number(),
          annotations: { readOnlyHint: true },
          icons: [{ src: 'https://x/i.png' }],
          meta: { 'example.com/k': 1 },
        },
        ({ a }) => a,
      )
      .tool('none', {}, () => '')
      .tool(
        'raw',
        {
          input: {
            type: 'object',
            properties: { q: { type: 'string', pattern: '^a' } },
            $defs: {},
          },
        },
        () => '',
      );
    await using c = await initialized(s);
    expect(await c.client.request('tools/list')).toEqual({
      tools: [
        {
          name: 'add',
          title: 'Add',
          description: 'Adds',
          icons: [{ src: 'https://x/i.png' }],
          inputSchema: {
            type: 'object',
            properties: { a: { type: 'number', description: 'first' } },
            required: ['a'],
          },
          outputSchema: {
            type: 'object',
            properties: { result: { type: 'number' } },
            required: ['result'],
            [WRAP_RESULT_KEY]: true,
          },
          annotations: { readOnlyHint: true },
          _meta: { 'example.com/k': 1 },
        },
        { name: 'none', inputSchema: { type: 'object', additionalProperties: false } },
        {
          name: 'raw',
          inputSchema: {
            type: 'object',
            properties: { q: { type: 'string', pattern: '^a' } },
            $defs: {},
          },
        },
      ],
    });
  });

  test('pagination with opaque cursors; a foreign cursor answers -32602', async () => {
    const s = createServer({ name: 's', version: '1', pageSize: 2 });
    for (const n of ['a', 'b', 'c', 'd', 'e']) s.tool(n, {}, () => n);
    await using c = await initialized(s);
    const names: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = (await c.client.request('tools/list', cursor ? { cursor } : {})) as {
        tools: { name: string }[];
        nextCursor?: string;
      };
      names.push(...page.tools.map((t) => t.name));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e']);
    await expect(c.client.request('tools/list', { cursor: 'bogus' })).rejects.toMatchObject({
      code: -32602,
      message: 'Invalid params: invalid cursor "bogus"',
    });
    expect(await failure(s, 'tools/list', { cursor: 42 })).toEqual({
      code: -32602,
      message: 'Invalid params: invalid cursor 42',
    });
  });
});

describe('errors', () => {
  afterEach(() => vi.restoreAllMocks());

  test('an unknown tool answers -32602 in both eras', async () => {
    await using c = await initialized(server());
    await expect(c.client.request('tools/call', { name: 'nope' })).rejects.toMatchObject({
      code: -32602,
      message: 'Unknown tool: nope',
    });
    expect(await failure(server(), 'tools/call', { name: 'nope' })).toEqual({
      code: -32602,
      message: 'Unknown tool: nope',
    });
  });

  test('ToolError and plain errors become isError results; maskErrorDetails hides the plain ones', async () => {
    const make = (mask: boolean) =>
      createServer({ name: 's', version: '1', maskErrorDetails: mask })
        .tool('tool', {}, () => {
          throw new ToolError('City not found');
        })
        .tool('bug', {}, () => {
          throw new Error('db password is hunter2');
        });
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const err = (text: string) => ({ content: [{ type: 'text', text }], isError: true });
    expect(body(await result(make(false), 'tools/call', { name: 'tool' }))).toEqual(
      err('City not found'),
    );
    expect(body(await result(make(false), 'tools/call', { name: 'bug' }))).toEqual(
      err('db password is hunter2'),
    );
    expect(stderr).not.toHaveBeenCalled();
    expect(body(await result(make(true), 'tools/call', { name: 'tool' }))).toEqual(
      err('City not found'),
    );
    expect(body(await result(make(true), 'tools/call', { name: 'bug' }))).toEqual(
      err('Error calling tool bug'),
    );
    expect(stderr).toHaveBeenCalledWith(
      'mcpkit: tool bug failed:',
      new Error('db password is hunter2'),
    );
  });

  test('timeoutMs aborts ctx.signal and answers with an error result', async () => {
    let aborted = false;
    const s = createServer({ name: 's', version: '1' }).tool(
      'slow',
      { timeoutMs: 20 },
      (_i, ctx) => {
        return new Promise((resolve) => {
          const timer = setTimeout(() => resolve('done'), 5_000);
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            clearTimeout(timer);
            resolve('ignored');
          });
        });
      },
    );
    expect(body(await result(s, 'tools/call', { name: 'slow' }))).toEqual({
      content: [{ type: 'text', text: 'Tool slow timed out after 20 ms' }],
      isError: true,
    });
    expect(aborted).toBe(true);
  });
});
