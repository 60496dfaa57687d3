import type { JsonObject } from '@mcpkit/core';
import { createServer, inputRequired } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { body, failure, handle, initialized, LOG, result, SERVER_INFO } from './helpers.js';

const ALL = { sampling: {}, elicitation: {}, roots: { listChanged: true } };
const NAME_SCHEMA = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
};

const server = (options: { requestStateTtlMs?: number } = {}) =>
  createServer({ name: 's', version: '1', ...options })
    .tool('greet', {}, async (_i, ctx) => {
      const r = await ctx.elicit('What is your name?', z.object({ name: z.string() }), {
        key: 'user_name',
      });
      return r.action === 'accept' ? `Hello, ${r.data.name}!` : r.action;
    })
    .tool('sequential', {}, async (_i, ctx) => {
      const a = await ctx.elicit('Name?', z.object({ name: z.string() }));
      const b = await ctx.sample('Greet them', { maxTokens: 50 });
      const roots = await ctx.roots();
      return `${a.action === 'accept' ? a.data.name : '-'}|${b.text}|${roots.length}`;
    })
    .tool('parallel', {}, async (_i, ctx) => {
      const [a, b] = await Promise.all([
        ctx.elicit('Name?', z.object({ name: z.string() })),
        ctx.roots(),
      ]);
      return `${a.action}|${b.length}`;
    })
    .tool('needsSampling', {}, async (_i, ctx) => (await ctx.sample('x')).text)
    .tool('lowLevel', {}, (_i, ctx) => {
      const step = ctx.requestState ?? 'start';
      if (step === 'start') {
        return inputRequired({
          inputRequests: {
            step1: {
              method: 'elicitation/create',
              params: { message: 'Name?', requestedSchema: NAME_SCHEMA as never },
            },
            roots: { method: 'roots/list' },
          },
          requestState: 'round-2',
        });
      }
      if (step === 'round-2') {
        return inputRequired({
          inputRequests: {
            step2: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 } },
          },
          requestState: 'round-3',
        });
      }
      return `state-ok ${JSON.stringify(Object.keys(ctx.inputResponses).sort())}`;
    })
    .prompt('mrtrPrompt', {}, async (_i, ctx) => {
      const r = await ctx.elicit('Context?', z.object({ context: z.string() }), {
        key: 'user_context',
      });
      return r.action === 'accept' ? `ctx: ${r.data.context}` : 'none';
    })
    .resource('mrtr://r', {}, async (_i, ctx) =>
      (await ctx.roots({ key: 'client_roots' })).map((r) => r.uri).join(),
    );

// One instance: without a configured secret each server seals with its own random key.
const shared = server();
const call = (name: string, extra: JsonObject = {}, caps: JsonObject = ALL) =>
  result(shared, 'tools/call', { name, arguments: {}, ...extra }, { caps });

const accept = (content: JsonObject) => ({ action: 'accept', content });

describe('MRTR (stateless era)', () => {
  test('round 1 asks with input_required; the retry replays the handler with the answer', async () => {
    const r1 = await call('greet');
    expect(r1).toEqual({
      resultType: 'input_required',
      inputRequests: {
        user_name: {
          method: 'elicitation/create',
          params: {
            message: 'What is your name?',
            requestedSchema: {
              type: 'object',
              properties: { name: { type: 'string' } },
              required: ['name'],
            },
          },
        },
      },
      requestState: expect.stringMatching(/^v1\.[\w-]+\.[\w-]+$/),
      _meta: { [SERVER_INFO]: { name: 's', version: '1' } },
    });
    const r2 = await call('greet', {
      inputResponses: { user_name: accept({ name: 'Ada' }) },
      requestState: r1.requestState,
    });
    expect(body(r2)).toEqual({ content: [{ type: 'text', text: 'Hello, Ada!' }] });
    expect(r2.resultType).toBe('complete');
  });

  test('sequential asks get deterministic keys, one round each; state changes every round', async () => {
    const r1 = await call('sequential');
    expect(Object.keys(r1.inputRequests as JsonObject)).toEqual(['elicit_0']);
    const r2 = await call('sequential', {
      inputResponses: { elicit_0: accept({ name: 'Bo' }) },
      requestState: r1.requestState,
    });
    expect(r2.inputRequests).toEqual({
      sample_1: {
        method: 'sampling/createMessage',
        params: {
          messages: [{ role: 'user', content: { type: 'text', text: 'Greet them' } }],
          maxTokens: 50,
        },
      },
    });
    expect(r2.requestState).not.toBe(r1.requestState);
    const sampled = { role: 'assistant', content: { type: 'text', text: 'Hi Bo' }, model: 'm' };
    const r3 = await call('sequential', {
      inputResponses: { sample_1: sampled },
      requestState: r2.requestState,
    });
    expect(r3.inputRequests).toEqual({ roots_2: { method: 'roots/list' } });
    const r4 = await call('sequential', {
      inputResponses: { roots_2: { roots: [{ uri: 'file:///x' }] } },
      requestState: r3.requestState,
    });
    expect(body(r4)).toEqual({ content: [{ type: 'text', text: 'Bo|Hi Bo|1' }] });
  });

  test('parallel asks come in one round', async () => {
    const r1 = await call('parallel');
    expect(r1.inputRequests).toEqual({
      elicit_0: {
        method: 'elicitation/create',
        params: {
          message: 'Name?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
          },
        },
      },
      roots_1: { method: 'roots/list' },
    });
    const r2 = await call('parallel', {
      inputResponses: { elicit_0: { action: 'cancel' }, roots_1: { roots: [] } },
      requestState: r1.requestState,
    });
    expect(body(r2)).toEqual({ content: [{ type: 'text', text: 'cancel|0' }] });
  });

  test('a missing capability answers -32021 with requiredCapabilities as an object', async () => {
    expect(await failure(server(), 'tools/call', { name: 'needsSampling' }, { caps: {} })).toEqual({
      code: -32021,
      message:
        'The client did not declare the sampling capability that sampling/createMessage needs',
      data: { requiredCapabilities: { sampling: {} } },
    });
  });

  test('tampered, foreign and expired state answer -32602 invalid_request_state', async () => {
    const r1 = await call('greet');
    const retry = { user_name: accept({ name: 'Ada' }) };
    const expected = { code: -32602, data: { reason: 'invalid_request_state' } };
    expect(
      await failure(
        shared,
        'tools/call',
        { name: 'greet', inputResponses: retry, requestState: `${r1.requestState}-TAMPERED` },
        { caps: ALL },
      ),
    ).toEqual({ ...expected, message: 'Invalid params: requestState failed verification' });
    // Another server instance has another random key.
    const s = server();
    const other = await result(s, 'tools/call', { name: 'greet' }, { caps: ALL });
    expect(
      await failure(
        s,
        'tools/call',
        { name: 'sequential', requestState: other.requestState },
        { caps: ALL },
      ),
    ).toEqual({
      ...expected,
      message: 'Invalid params: requestState belongs to another request',
    });
    const short = server({ requestStateTtlMs: 1 });
    const old = await result(short, 'tools/call', { name: 'greet' }, { caps: ALL });
    await new Promise((r) => setTimeout(r, 5));
    expect(
      await failure(
        short,
        'tools/call',
        { name: 'greet', inputResponses: retry, requestState: old.requestState },
        { caps: ALL },
      ),
    ).toEqual({
      ...expected,
      message: 'Invalid params: requestState has expired',
    });
  });

  test('wrong keys and schema-invalid answers are asked again, never completed', async () => {
    for (const inputResponses of [
      { wrong_key: accept({ name: 'x' }) },
      { user_name: 12345 },
      null,
      { user_name: accept({ name: 7 }) },
    ]) {
      const r = await call('greet', { inputResponses });
      expect(r.resultType).toBe('input_required');
      expect(Object.keys(r.inputRequests as JsonObject)).toEqual(['user_name']);
    }
  });

  test('extra keys are ignored', async () => {
    const r = await call('greet', {
      inputResponses: {
        user_name: accept({ name: 'Ada' }),
        unknown_extra_key: 1,
        another_unexpected: { a: 1 },
      },
    });
    expect(body(r)).toEqual({ content: [{ type: 'text', text: 'Hello, Ada!' }] });
  });

  test('low level: inputRequired() with own keys, multi-round author state, ctx.inputResponses', async () => {
    const r1 = await call('lowLevel');
    expect(Object.keys(r1.inputRequests as JsonObject)).toEqual(['step1', 'roots']);
    const r2 = await call('lowLevel', {
      inputResponses: { step1: accept({ name: 'A' }), roots: { roots: [] } },
      requestState: r1.requestState,
    });
    expect(r2.inputRequests).toEqual({
      step2: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 } },
    });
    expect(r2.requestState).not.toBe(r1.requestState);
    const r3 = await call('lowLevel', {
      inputResponses: {
        step2: { role: 'assistant', content: { type: 'text', text: 'x' }, model: 'm' },
      },
      requestState: r2.requestState,
    });
    expect(body(r3)).toEqual({
      content: [{ type: 'text', text: 'state-ok ["roots","step1","step2"]' }],
    });
  });

  test('low level: only input kinds the request declared are emitted', async () => {
    const r = await call('lowLevel', {}, { roots: {} });
    expect(r.inputRequests).toEqual({ roots: { method: 'roots/list' } });
    expect(await failure(server(), 'tools/call', { name: 'lowLevel' }, { caps: {} })).toMatchObject(
      {
        code: -32021,
        data: { requiredCapabilities: { elicitation: {} } },
      },
    );
  });

  test('prompts/get and resources/read can ask too', async () => {
    const s = server();
    const p1 = await result(s, 'prompts/get', { name: 'mrtrPrompt' }, { caps: ALL });
    expect(Object.keys(p1.inputRequests as JsonObject)).toEqual(['user_context']);
    const p2 = await result(
      s,
      'prompts/get',
      {
        name: 'mrtrPrompt',
        inputResponses: { user_context: accept({ context: 'c' }) },
        requestState: p1.requestState,
      },
      { caps: ALL },
    );
    expect(body(p2)).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'ctx: c' } }],
    });
    const r1 = await result(s, 'resources/read', { uri: 'mrtr://r' }, { caps: ALL });
    expect(r1).toMatchObject({
      resultType: 'input_required',
      inputRequests: { client_roots: { method: 'roots/list' } },
    });
    expect(r1.ttlMs).toBeUndefined();
    const r2 = await result(
      s,
      'resources/read',
      {
        uri: 'mrtr://r',
        inputResponses: { client_roots: { roots: [{ uri: 'file:///a' }] } },
        requestState: r1.requestState,
      },
      { caps: ALL },
    );
    expect(body(r2)).toEqual({
      contents: [{ uri: 'mrtr://r', mimeType: 'text/plain', text: 'file:///a' }],
    });
  });
});

describe('low-level inputRequired() in the handshake era', () => {
  test('mcpkit asks the client itself and runs the handler again', async () => {
    const asked: string[] = [];
    await using c = await initialized(server(), {
      capabilities: ALL,
      onRequest: (req) => {
        asked.push(req.method);
        if (req.method === 'roots/list') return { roots: [] };
        if (req.method === 'elicitation/create')
          return { action: 'accept', content: { name: 'A' } };
        return { role: 'assistant', content: { type: 'text', text: 'x' }, model: 'm' };
      },
    });
    expect(await c.client.request('tools/call', { name: 'lowLevel' })).toEqual({
      content: [{ type: 'text', text: 'state-ok ["roots","step1","step2"]' }],
    });
    expect(asked).toEqual(['elicitation/create', 'roots/list', 'sampling/createMessage']);
  });
});

describe('MRTR replays do not repeat logs and progress (stateless era)', () => {
  const steps = () =>
    createServer({ name: 's', version: '1' }).tool('steps', {}, async (_i, ctx) => {
      await ctx.log.info('reading');
      await ctx.progress(1, 3, 'read');
      const name = await ctx.elicit('Name?', z.object({ name: z.string() }), { key: 'name' });
      await ctx.progress(2, 3, 'named');
      await ctx.log.debug('below the level: counted, never sent');
      await ctx.log.info('asking for a color');
      const color = await ctx.elicit('Color?', z.object({ color: z.string() }), { key: 'color' });
      await ctx.progress(3, 3, 'done');
      await ctx.log.info('done');
      const who = name.action === 'accept' ? name.data.name : '-';
      return `${who} likes ${color.action === 'accept' ? color.data.color : '-'}`;
    });
  const progress = (token: string, value: number, message: string) => ({
    jsonrpc: '2.0',
    method: 'notifications/progress',
    params: { progressToken: token, progress: value, total: 3, message },
  });
  const log = (data: string) => ({
    jsonrpc: '2.0',
    method: 'notifications/message',
    params: { level: 'info', data },
  });

  test("each round sends only what comes after the previous round's ask", async () => {
    const server = steps();
    const round = (n: number, extra: JsonObject) =>
      handle(
        server,
        'tools/call',
        { name: 'steps', arguments: {}, ...extra },
        { caps: ALL, meta: { [LOG]: 'info', progressToken: `t${n}` } },
      );
    const r1 = await round(1, {});
    expect(r1.notifications).toEqual([log('reading'), progress('t1', 1, 'read')]);
    const state1 = (r1.response as { result: JsonObject }).result.requestState;
    const r2 = await round(2, {
      inputResponses: { name: accept({ name: 'Ada' }) },
      requestState: state1,
    });
    expect(r2.notifications).toEqual([progress('t2', 2, 'named'), log('asking for a color')]);
    const state2 = (r2.response as { result: JsonObject }).result.requestState;
    const r3 = await round(3, {
      inputResponses: { color: accept({ color: 'teal' }) },
      requestState: state2,
    });
    expect(r3.notifications).toEqual([progress('t3', 3, 'done'), log('done')]);
    expect(body((r3.response as { result: JsonObject }).result)).toEqual({
      content: [{ type: 'text', text: 'Ada likes teal' }],
    });
  });

  test('a round that asks again for the same input sends nothing new', async () => {
    const server = steps();
    const first = await handle(
      server,
      'tools/call',
      { name: 'steps' },
      {
        caps: ALL,
        meta: { [LOG]: 'info', progressToken: 'a' },
      },
    );
    const again = await handle(
      server,
      'tools/call',
      {
        name: 'steps',
        inputResponses: { wrong_key: accept({ name: 'x' }) },
        requestState: (first.response as { result: JsonObject }).result.requestState,
      },
      { caps: ALL, meta: { [LOG]: 'info', progressToken: 'b' } },
    );
    expect(again.notifications).toEqual([]);
    expect((again.response as { result: JsonObject }).result.inputRequests).toEqual({
      name: {
        method: 'elicitation/create',
        params: {
          message: 'Name?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
          },
        },
      },
    });
  });

  test('without a requestState (a fresh call) everything is sent again', async () => {
    const server = steps();
    const opts = { caps: ALL, meta: { [LOG]: 'info', progressToken: 'x' } };
    await handle(server, 'tools/call', { name: 'steps' }, opts);
    const fresh = await handle(server, 'tools/call', { name: 'steps' }, opts);
    expect(fresh.notifications).toEqual([log('reading'), progress('x', 1, 'read')]);
  });
});
