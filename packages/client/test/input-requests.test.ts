import { afterEach, describe, expect, it } from 'vitest';
import { type ClientHandlers, connectClient, type HandlerContext } from '../src/index.js';
import { startHandshakeServer } from './fakes/handshake-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

async function setup(handlers: ClientHandlers) {
  const server = startHandshakeServer();
  open.push(server);
  const client = await connectClient(server.transport, { handlers });
  open.push(client);
  return { server, client };
}

describe('handshake era: server→client requests reach the handlers', () => {
  it('sampling', async () => {
    const contexts: HandlerContext[] = [];
    const { client } = await setup({
      sampling: (params, ctx) => {
        contexts.push(ctx);
        return {
          role: 'assistant',
          content: { type: 'text', text: `max ${params.maxTokens}` },
          model: 'm',
        };
      },
    });
    expect(client.capabilities).toEqual({ sampling: {} });
    expect((await client.callTool('sample')).data).toEqual({
      role: 'assistant',
      content: { type: 'text', text: 'max 10' },
      model: 'm',
    });
    expect(contexts.map((c) => [c.era, typeof c.requestId, c.inputKey, c.signal.aborted])).toEqual([
      ['handshake', 'number', undefined, false],
    ]);
  });

  it('elicitation: defaults fill missing fields on accept (SEP-1034)', async () => {
    const { client } = await setup({
      elicitation: () => ({ action: 'accept', content: { age: 7 } }),
    });
    expect(client.capabilities).toEqual({ elicitation: { form: {}, url: {} } });
    expect((await client.callTool('elicit')).data).toEqual({
      action: 'accept',
      content: { age: 7, name: 'Ada' },
    });
  });

  it('elicitation: accept with no content gets every default; decline is untouched', async () => {
    let answer: { action: 'accept' | 'decline' } = { action: 'accept' };
    const { client } = await setup({ elicitation: () => answer });
    expect((await client.callTool('elicit')).data).toEqual({
      action: 'accept',
      content: { name: 'Ada', age: 36 },
    });
    answer = { action: 'decline' };
    expect((await client.callTool('elicit')).data).toEqual({ action: 'decline' });
  });

  it('roots, as a list or a function', async () => {
    const { client } = await setup({ roots: [{ uri: 'file:///a' }] });
    expect(client.capabilities).toEqual({ roots: { listChanged: true } });
    expect((await client.callTool('roots')).data).toEqual({ roots: [{ uri: 'file:///a' }] });
    const other = await setup({ roots: async () => [{ uri: 'file:///b', name: 'b' }] });
    expect((await other.client.callTool('roots')).data).toEqual({
      roots: [{ uri: 'file:///b', name: 'b' }],
    });
  });

  it('answers ping, and -32601 for requests without a handler', async () => {
    const { server } = await setup({});
    expect(await server.session.request('ping')).toEqual({});
    const missing = await server.session
      .request('sampling/createMessage', { messages: [], maxTokens: 1 })
      .catch((e) => e);
    expect(missing.toJSON()).toEqual({
      code: -32601,
      message:
        'Method not found: sampling/createMessage (the client was given no sampling handler)',
    });
    const unknown = await server.session.request('tools/list').catch((e) => e);
    expect(unknown.toJSON()).toEqual({ code: -32601, message: 'Method not found: tools/list' });
  });

  it('a throwing handler answers with its error', async () => {
    const { server } = await setup({
      roots: () => {
        throw new Error('no roots today');
      },
    });
    const error = await server.session.request('roots/list').catch((e) => e);
    expect(error.toJSON()).toEqual({ code: -32603, message: 'no roots today' });
  });

  it('merges explicit capabilities over the derived ones', async () => {
    const server = startHandshakeServer();
    open.push(server);
    const client = await connectClient(server.transport, {
      handlers: {
        sampling: () => ({ role: 'assistant', content: { type: 'text', text: '' }, model: 'm' }),
      },
      capabilities: { sampling: { tools: {} }, experimental: { x: {} } },
    });
    open.push(client);
    expect(server.requests('initialize')[0]?.params?.capabilities).toEqual({
      sampling: { tools: {} },
      experimental: { x: {} },
    });
  });
});
