import { createServer } from '@mcpkit/server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ClientHandlers, createClient, type ListenNotification } from '../src/index.js';

// The same definition serves both eras; the client picks one with `mode`.
function makeServer() {
  return createServer({ name: 'real', version: '3.0.0', instructions: 'use the tools' })
    .tool(
      'greet',
      { input: z.object({ name: z.string() }), output: z.object({ message: z.string() }) },
      ({ name }) => ({
        message: `Hello, ${name}!`,
      }),
    )
    .tool(
      'add',
      { input: z.object({ a: z.number(), b: z.number() }), output: z.number() },
      ({ a, b }) => a + b,
    )
    .tool('shout', { input: z.object({ text: z.string() }) }, ({ text }) => text.toUpperCase())
    .tool('ask', {}, async (_input, ctx) => {
      const answer = await ctx.elicit(
        'Your name?',
        z.object({ name: z.string(), city: z.string().default('Paris') }),
      );
      return answer.action === 'accept'
        ? `${answer.data.name} from ${answer.data.city}`
        : answer.action;
    })
    .tool('sample_and_roots', {}, async (_input, ctx) => {
      const sampled = await ctx.sample('Capital of France?', { maxTokens: 20 });
      const roots = await ctx.roots();
      return `${sampled.text} / ${roots.map((r) => r.uri).join(',')}`;
    })
    .tool('progress', {}, async (_input, ctx) => {
      await ctx.progress(1, 2);
      await ctx.progress(2, 2);
      return 'ok';
    })
    .resource('config://app', { mimeType: 'application/json' }, () => ({ theme: 'dark' }))
    .prompt('review', { args: z.object({ code: z.string() }) }, ({ code }) => `Review:\n${code}`);
}

const handlers: ClientHandlers = {
  elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }),
  sampling: () => ({ role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test' }),
  roots: [{ uri: 'file:///home/ada', name: 'home' }],
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

describe.each(['stateless', 'handshake'] as const)('against @mcpkit/server, %s era', (mode) => {
  async function connect() {
    const server = makeServer();
    open.push(server);
    const client = await createClient(server, {
      mode: mode === 'stateless' ? 'auto' : 'handshake',
      handlers,
    });
    open.push(client);
    return { server, client };
  }

  it('connects in the expected era', async () => {
    const { client } = await connect();
    expect(client.era).toBe(mode);
    expect(client.serverInfo).toEqual({ name: 'real', version: '3.0.0' });
    expect(client.instructions).toBe('use the tools');
  });

  it('calls typed tools, including a wrapped non-object output', async () => {
    const { client } = await connect();
    const greet = await client.callTool('greet', { name: 'Ada' }, { throwOnError: true });
    expect(greet.data).toEqual({ message: 'Hello, Ada!' });
    const add = await client.callTool('add', { a: 2, b: 3 });
    expect(add.structuredContent).toEqual({ result: 5 });
    expect(add.data).toBe(5);
    expect(await client.tools.shout({ text: 'hi' })).toBe('HI');
    expect(await client.tools.add({ a: 1, b: 1 })).toBe(2);
  });

  it('reports argument validation failures as tool errors', async () => {
    const { client } = await connect();
    const result = await client.callTool('greet', { name: 1 } as never);
    expect(result.isError).toBe(true);
  });

  it('answers elicitation (defaults filled), sampling and roots', async () => {
    const { client } = await connect();
    expect((await client.callTool('ask')).data).toBe('Ada from Paris');
    expect((await client.callTool('sample_and_roots')).data).toBe('Paris / file:///home/ada');
  });

  it('reads resources, gets prompts, reports progress', async () => {
    const { client } = await connect();
    const read = await client.readResource('config://app');
    expect(read.contents).toEqual([
      { uri: 'config://app', mimeType: 'application/json', text: '{"theme":"dark"}' },
    ]);
    const prompt = await client.getPrompt('review', { code: 'x = 1' });
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Review:\nx = 1' } },
    ]);
    const seen: number[] = [];
    await client.callTool('progress', {}, { onProgress: (p) => seen.push(p.progress) });
    expect(seen).toEqual([1, 2]);
    expect((await client.listTools()).map((t) => t.name)).toEqual([
      'greet',
      'add',
      'shout',
      'ask',
      'sample_and_roots',
      'progress',
    ]);
  });

  it('listens for list changes and resource updates', async () => {
    const { server, client } = await connect();
    const seen: ListenNotification[] = [];
    const handle = await client.listen(
      { toolsListChanged: true, resourceSubscriptions: ['config://app'] },
      (n) => seen.push(n),
    );
    server.notifyListChanged('tools');
    server.notifyResourceUpdated('config://app');
    // Delivery order between the two kinds is the server's business.
    for (let i = 0; i < 50 && seen.length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 2));
    expect(seen.map((n) => [n.method, n.params?.uri]).sort()).toEqual([
      ['notifications/resources/updated', 'config://app'],
      ['notifications/tools/list_changed', undefined],
    ]);
    await handle.close();
  });
});
