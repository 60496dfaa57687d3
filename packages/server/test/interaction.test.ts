import type { InboundRequest, JsonObject } from '@mcpkit/core';
import { createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { initialized } from './helpers.js';

const server = () =>
  createServer({ name: 's', version: '1' })
    .tool('ask', {}, async (_i, ctx) => {
      const r = await ctx.elicit(
        'Who are you?',
        z.object({ name: z.string(), age: z.number().default(30) }),
      );
      return r.action === 'accept' ? `${r.data.name}/${r.data.age}` : r.action;
    })
    .tool('askScalar', {}, async (_i, ctx) => {
      const r = await ctx.elicit('Pick', z.enum(['red', 'blue']));
      return r.action === 'accept' ? r.data : r.action;
    })
    .tool('sample', {}, async (_i, ctx) => {
      const r = await ctx.sample('Capital of France?', {
        maxTokens: 100,
        systemPrompt: 'Be brief',
      });
      return `${r.text} (${r.model})`;
    })
    .tool('roots', {}, async (_i, ctx) => (await ctx.roots()).map((r) => r.uri).join(','))
    .tool(
      'url',
      {},
      async (_i, ctx) => (await ctx.elicitUrl('Sign in', 'https://example.com/login')).action,
    );

const allCaps = { elicitation: { form: {}, url: {} }, sampling: {}, roots: { listChanged: true } };

describe('handshake era: real server-to-client requests', () => {
  test('elicit sends elicitation/create with the form schema and validates the answer', async () => {
    const seen: JsonObject[] = [];
    await using c = await initialized(server(), {
      capabilities: allCaps,
      onRequest: (req: InboundRequest) => {
        seen.push({ method: req.method, params: req.params });
        return { action: 'accept', content: { name: 'Ada' } };
      },
    });
    expect(await c.client.request('tools/call', { name: 'ask' })).toEqual({
      content: [{ type: 'text', text: 'Ada/30' }],
    });
    expect(seen).toEqual([
      {
        method: 'elicitation/create',
        params: {
          message: 'Who are you?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string' }, age: { type: 'number', default: 30 } },
            required: ['name'],
          },
        },
      },
    ]);
  });

  test('a scalar schema is asked as one field named value and unwrapped', async () => {
    const seen: JsonObject[] = [];
    await using c = await initialized(server(), {
      capabilities: allCaps,
      onRequest: (req: InboundRequest) => {
        seen.push(req.params!);
        return { action: 'accept', content: { value: 'blue' } };
      },
    });
    expect(await c.client.request('tools/call', { name: 'askScalar' })).toEqual({
      content: [{ type: 'text', text: 'blue' }],
    });
    expect(seen[0]!.requestedSchema).toEqual({
      type: 'object',
      properties: { value: { type: 'string', enum: ['red', 'blue'] } },
      required: ['value'],
    });
  });

  test('decline and cancel come back as actions', async () => {
    await using c = await initialized(server(), {
      capabilities: allCaps,
      onRequest: () => ({ action: 'decline' }),
    });
    expect(await c.client.request('tools/call', { name: 'ask' })).toEqual({
      content: [{ type: 'text', text: 'decline' }],
    });
  });

  test('sample and roots', async () => {
    const seen: JsonObject[] = [];
    await using c = await initialized(server(), {
      capabilities: allCaps,
      onRequest: (req: InboundRequest) => {
        seen.push({ method: req.method, params: req.params });
        return req.method === 'roots/list'
          ? { roots: [{ uri: 'file:///a' }, { uri: 'file:///b', name: 'b' }] }
          : { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm1' };
      },
    });
    expect(await c.client.request('tools/call', { name: 'sample' })).toEqual({
      content: [{ type: 'text', text: 'Paris (m1)' }],
    });
    expect(await c.client.request('tools/call', { name: 'roots' })).toEqual({
      content: [{ type: 'text', text: 'file:///a,file:///b' }],
    });
    expect(seen).toEqual([
      {
        method: 'sampling/createMessage',
        params: {
          messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }],
          maxTokens: 100,
          systemPrompt: 'Be brief',
        },
      },
      { method: 'roots/list' },
    ]);
  });

  test('URL mode carries an elicitationId in this era', async () => {
    const seen: JsonObject[] = [];
    await using c = await initialized(server(), {
      capabilities: allCaps,
      onRequest: (req: InboundRequest) => {
        seen.push(req.params!);
        return { action: 'accept' };
      },
    });
    expect(await c.client.request('tools/call', { name: 'url' })).toEqual({
      content: [{ type: 'text', text: 'accept' }],
    });
    expect(seen).toEqual([
      {
        mode: 'url',
        message: 'Sign in',
        url: 'https://example.com/login',
        elicitationId: expect.any(String),
      },
    ]);
  });

  test('a client without the capability gets a clear error at once, never a hang', async () => {
    await using c = await initialized(server(), { capabilities: { elicitation: {} } });
    for (const [name, cap] of [
      ['sample', 'sampling'],
      ['roots', 'roots'],
    ] as const) {
      await expect(c.client.request('tools/call', { name })).rejects.toMatchObject({
        code: -32021,
        message: `The client did not declare the ${cap} capability that ${cap === 'roots' ? 'roots/list' : 'sampling/createMessage'} needs`,
        data: { requiredCapabilities: { [cap]: {} } },
      });
    }
    await expect(c.client.request('tools/call', { name: 'url' })).rejects.toMatchObject({
      code: -32021,
      data: { requiredCapabilities: { elicitation: { url: {} } } },
    });
  });

  test('an answer that fails the schema is an error', async () => {
    await using c = await initialized(server(), {
      capabilities: allCaps,
      onRequest: () => ({ action: 'accept', content: { name: 5 } }),
    });
    await expect(c.client.request('tools/call', { name: 'ask' })).rejects.toMatchObject({
      code: -32603,
      message: 'The client answered elicitation/create with an invalid result',
    });
  });
});
