import { McpError } from '@mcpkit/core';
import { createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { RequestStateCodec } from '../src/request-state.js';
import { result } from './helpers.js';

describe('RequestStateCodec', () => {
  test('round-trips a payload bound to method and target', async () => {
    const codec = new RequestStateCodec('secret', 60_000);
    const token = await codec.seal({
      m: 'tools/call',
      t: 'greet',
      a: { k: { action: 'accept' } },
      s: 'mine',
    });
    expect(await codec.open(token, 'tools/call', 'greet')).toEqual({
      m: 'tools/call',
      t: 'greet',
      a: { k: { action: 'accept' } },
      s: 'mine',
      x: expect.any(Number),
    });
  });

  test('rejects other keys, malformed tokens and changed bodies', async () => {
    const token = await new RequestStateCodec('one', 60_000).seal({
      m: 'tools/call',
      t: 'x',
      a: {},
    });
    const codec = new RequestStateCodec('two', 60_000);
    const reason = { reason: 'invalid_request_state' };
    await expect(codec.open(token, 'tools/call', 'x')).rejects.toEqual(
      new McpError(-32602, 'Invalid params: requestState failed verification', reason),
    );
    await expect(codec.open('garbage', 'tools/call', 'x')).rejects.toEqual(
      new McpError(-32602, 'Invalid params: requestState is malformed', reason),
    );
    await expect(codec.open(42, 'tools/call', 'x')).rejects.toEqual(
      new McpError(-32602, 'Invalid params: requestState must be a string', reason),
    );
    const [v, , mac] = token.split('.');
    const forged = `${v}.${btoa(JSON.stringify({ m: 'tools/call', t: 'x', a: {}, x: 9e15 }))}.${mac}`;
    await expect(
      new RequestStateCodec('one', 60_000).open(forged, 'tools/call', 'x'),
    ).rejects.toMatchObject({
      message: 'Invalid params: requestState failed verification',
    });
  });
});

test('a shared requestStateSecret lets another process continue the request', async () => {
  const make = () =>
    createServer({ name: 's', version: '1', requestStateSecret: 'shared-secret' }).tool(
      'greet',
      {},
      async (_i, ctx) => {
        const r = await ctx.elicit('Name?', z.object({ name: z.string() }), { key: 'user_name' });
        return r.action === 'accept' ? `Hello, ${r.data.name}!` : r.action;
      },
    );
  const caps = { elicitation: {} };
  const r1 = await result(make(), 'tools/call', { name: 'greet' }, { caps });
  const r2 = await result(
    make(),
    'tools/call',
    {
      name: 'greet',
      inputResponses: { user_name: { action: 'accept', content: { name: 'Ada' } } },
      requestState: r1.requestState,
    },
    { caps },
  );
  expect(r2.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
});
