import { ENVELOPE_KEYS, McpError } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClientHandlers,
  type ClientOptions,
  connectClient,
  type HandlerContext,
} from '../src/index.js';
import { startStatelessServer, TRICKY_STATE } from './fakes/stateless-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

const contexts: HandlerContext[] = [];
const handlers: ClientHandlers = {
  elicitation: (_params, ctx) => {
    contexts.push(ctx);
    return { action: 'accept', content: { name: 'Grace' } };
  },
  sampling: () => ({
    role: 'assistant',
    content: { type: 'text', text: 'Paris' },
    model: 'fake-1',
  }),
  roots: [{ uri: 'file:///work', name: 'work' }],
};

async function setup(options: ClientOptions = {}) {
  const server = startStatelessServer();
  open.push(server);
  const client = await connectClient(server.transport, { handlers, ...options });
  open.push(client);
  const calls = () => server.seen.filter((s) => s.method === 'tools/call');
  return { server, client, calls };
}

const envelope = {
  [ENVELOPE_KEYS.protocolVersion]: '2026-07-28',
  [ENVELOPE_KEYS.clientCapabilities]: {
    sampling: {},
    elicitation: { form: {}, url: {} },
    roots: {},
  },
  [ENVELOPE_KEYS.clientInfo]: { name: 'mcpkit-client', version: '0.1.0' },
};

describe('MRTR loop (stateless era)', () => {
  it('answers input requests and retries the same call with a new id and the byte-exact state', async () => {
    contexts.length = 0;
    const { client, calls } = await setup();
    const result = await client.callTool('echo_state', { x: 1 });
    // The elicitation default for `age` was filled in (SEP-1034).
    expect(result.data).toBe('state-ok {"action":"accept","content":{"name":"Grace","age":36}}');
    const [first, retry] = calls();
    expect(first?.params).toEqual({ name: 'echo_state', arguments: { x: 1 }, _meta: envelope });
    expect(retry?.params).toEqual({
      name: 'echo_state',
      arguments: { x: 1 },
      _meta: envelope,
      inputResponses: { user: { action: 'accept', content: { name: 'Grace', age: 36 } } },
      requestState: TRICKY_STATE,
    });
    expect(retry?.id).not.toBe(first?.id);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.era).toBe('stateless');
    expect(contexts[0]?.inputKey).toBe('user');
    expect(contexts[0]?.signal.aborted).toBe(false);
  });

  it('omits requestState when the server gave none', async () => {
    const { client, calls } = await setup();
    expect((await client.callTool('no_state')).data).toBe('has requestState: false');
    expect(calls()[1]?.params).toEqual({
      name: 'no_state',
      arguments: {},
      _meta: envelope,
      inputResponses: { user: { action: 'accept', content: { name: 'Grace', age: 36 } } },
    });
    expect(calls()[1]?.params).not.toHaveProperty('requestState');
  });

  it('retries with the state alone when there are no input requests', async () => {
    const { client } = await setup();
    expect((await client.callTool('state_only')).data).toBe('state only, inputResponses: false');
  });

  it("runs several rounds, each with that round's state", async () => {
    const { client, calls } = await setup();
    const result = await client.callTool('multi_round');
    expect(result.data).toBe(
      'done {"step2":{"role":"assistant","content":{"type":"text","text":"Paris"},"model":"fake-1"}}',
    );
    expect(calls().map((c) => [c.params?.requestState, c.params?.inputResponses])).toEqual([
      [undefined, undefined],
      ['r1', { step1: { roots: [{ uri: 'file:///work', name: 'work' }] } }],
      [
        'r2',
        { step2: { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'fake-1' } },
      ],
    ]);
    expect(new Set(calls().map((c) => c.id)).size).toBe(3);
  });

  it('answers several input requests of every kind in one round', async () => {
    const { client } = await setup();
    const result = await client.callTool('all_kinds');
    expect(result.data).toEqual({
      a: { action: 'accept', content: { name: 'Grace', age: 36 } },
      b: { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'fake-1' },
      c: { roots: [{ uri: 'file:///work', name: 'work' }] },
    });
  });

  it('keeps inputResponses and requestState out of other requests, even in parallel', async () => {
    const { client, calls } = await setup();
    const [a, b, c] = await Promise.all([
      client.callTool('echo_state'),
      client.callTool('echo', { k: 1 }),
      client.callTool('multi_round'),
    ]);
    expect([a.isError, b.isError, c.isError]).toEqual([false, false, false]);
    const echo = calls().filter((s) => s.params?.name === 'echo');
    expect(echo.map((s) => s.params)).toEqual([
      { name: 'echo', arguments: { k: 1 }, _meta: envelope },
    ]);
    await client.listTools();
    for (const seen of calls().filter((s) => s.params?.requestState !== undefined)) {
      expect(['echo_state', 'multi_round']).toContain(seen.params?.name);
    }
  });

  it('gives up with a clear error after maxInputRounds', async () => {
    const { client, calls } = await setup({ maxInputRounds: 3 });
    const error = await client.callTool('forever').catch((e) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error.message).toBe(
      'tools/call: the server still asked for input after 3 rounds; giving up',
    );
    expect(calls()).toHaveLength(4);
  });

  it('fails the call when the server asks for input the client has no handler for', async () => {
    const server = startStatelessServer();
    open.push(server);
    const client = await connectClient(server.transport);
    open.push(client);
    const error = await client.callTool('echo_state').catch((e) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error.toJSON()).toEqual({
      code: -32601,
      message: 'Method not found: elicitation/create (the client was given no elicitation handler)',
    });
  });

  it("passes the call's signal to the handlers", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const { client } = await setup({
      handlers: {
        ...handlers,
        elicitation: (_p, ctx) => {
          seen = ctx.signal;
          controller.abort('user left');
          return { action: 'cancel' };
        },
      },
    });
    const error = await client
      .callTool('echo_state', {}, { signal: controller.signal })
      .catch((e) => e);
    expect(seen).toBe(controller.signal);
    expect(error.name).toBe('AbortError');
  });
});
