import { createServer } from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { body, failure, initialized, result, tick } from './helpers.js';

const names = (r: unknown, key = 'tools') =>
  (r as Record<string, { name: string }[]>)[key]!.map((t) => t.name);

const weather = () =>
  createServer({ name: 'weather', version: '1' })
    .tool(
      'forecast',
      { description: 'Forecast', input: z.object({ city: z.string() }) },
      ({ city }) => `Sunny in ${city}`,
    )
    .resource('weather://cities', { mimeType: 'text/plain' }, () => 'Oslo')
    .resourceTemplate(
      'weather://city/{name}',
      { complete: { name: (v) => ['oslo', 'osaka'].filter((c) => c.startsWith(v)) } },
      ({ name }) => `City ${name}`,
    )
    .prompt('ask', { args: z.object({ city: z.string() }) }, ({ city }) => `Weather in ${city}?`);

describe('mount()', () => {
  afterEach(() => vi.restoreAllMocks());

  test('prefixes names and URIs; calls, reads, prompts and completion reach the sub-server', async () => {
    const main = createServer({ name: 'main', version: '1' })
      .tool('own', {}, () => 'own')
      .mount(weather(), { prefix: 'w' });
    expect(body(await result(main, 'tools/list'))).toEqual({
      tools: [
        { name: 'own', inputSchema: { type: 'object', additionalProperties: false } },
        {
          name: 'w_forecast',
          description: 'Forecast',
          inputSchema: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          },
        },
      ],
    });
    expect(body(await result(main, 'resources/list'))).toEqual({
      resources: [{ uri: 'weather://w/cities', name: 'weather://cities', mimeType: 'text/plain' }],
    });
    expect(body(await result(main, 'resources/templates/list'))).toEqual({
      resourceTemplates: [
        { uriTemplate: 'weather://w/city/{name}', name: 'weather://city/{name}' },
      ],
    });
    expect(names(await result(main, 'prompts/list'), 'prompts')).toEqual(['w_ask']);
    expect(
      body(await result(main, 'tools/call', { name: 'w_forecast', arguments: { city: 'Oslo' } })),
    ).toEqual({ content: [{ type: 'text', text: 'Sunny in Oslo' }] });
    expect(body(await result(main, 'resources/read', { uri: 'weather://w/city/oslo' }))).toEqual({
      contents: [{ uri: 'weather://w/city/oslo', mimeType: 'text/plain', text: 'City oslo' }],
    });
    expect(body(await result(main, 'resources/read', { uri: 'weather://w/cities' }))).toEqual({
      contents: [{ uri: 'weather://w/cities', mimeType: 'text/plain', text: 'Oslo' }],
    });
    expect(
      body(await result(main, 'prompts/get', { name: 'w_ask', arguments: { city: 'Oslo' } })),
    ).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'Weather in Oslo?' } }],
    });
    expect(
      body(
        await result(main, 'completion/complete', {
          ref: { type: 'ref/resource', uri: 'weather://w/city/{name}' },
          argument: { name: 'name', value: 'os' },
        }),
      ),
    ).toEqual({ completion: { values: ['oslo', 'osaka'], total: 2, hasMore: false } });
    expect(await failure(main, 'tools/call', { name: 'forecast' })).toEqual({
      code: -32602,
      message: 'Unknown tool: forecast',
    });
    expect(await failure(main, 'resources/read', { uri: 'weather://cities' })).toEqual({
      code: -32602,
      message: 'Resource not found: weather://cities',
      data: { uri: 'weather://cities' },
    });
  });

  test("read contents come back under the parent's URIs; the sub-server sees its own", async () => {
    const seen: (string | undefined)[] = [];
    const sub = createServer({ name: 'sub', version: '1' }).resourceTemplate(
      'file://{path}',
      {},
      ({ path }, ctx) => {
        seen.push(ctx.uri, ctx.params.uri as string);
        return path;
      },
    );
    const main = createServer({ name: 'main', version: '1' }).mount(sub, { prefix: 'docs' });
    expect(body(await result(main, 'resources/read', { uri: 'file://docs/a.txt' }))).toEqual({
      contents: [{ uri: 'file://docs/a.txt', mimeType: 'text/plain', text: 'a.txt' }],
    });
    expect(seen).toEqual(['file://a.txt', 'file://a.txt']);
  });

  test("without a prefix the names stay; the parent's own components win a clash", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sub = createServer({ name: 'sub', version: '1' })
      .tool('shared', {}, () => 'from sub')
      .tool('extra', {}, () => 'extra');
    const main = createServer({ name: 'main', version: '1', onDuplicate: 'warn' })
      .tool('shared', {}, () => 'from main')
      .mount(sub);
    expect(names(await result(main, 'tools/list'))).toEqual(['shared', 'extra']);
    expect(body(await result(main, 'tools/call', { name: 'shared' }))).toEqual({
      content: [{ type: 'text', text: 'from main' }],
    });
    expect(console.warn).toHaveBeenCalledWith(
      "mcpkit: the tool shared is offered twice; the server's own one, else the latest mount's, wins",
    );
  });

  test("clashes follow the parent's duplicate policy, also for components added later", async () => {
    const sub = () => createServer({ name: 'sub', version: '1' }).tool('x', {}, () => 'sub');
    const main = createServer({ name: 'main', version: '1' }).tool('x', {}, () => 'main');
    expect(() => main.mount(sub())).toThrow('Duplicate tool: x is already registered');
    expect(names(await result(main, 'tools/list'))).toEqual(['x']);

    const a = createServer({ name: 'a', version: '1' }).tool('t', {}, () => 'a');
    const b = createServer({ name: 'b', version: '1' });
    const parent = createServer({ name: 'p', version: '1' }).mount(a).mount(b);
    expect(() => b.tool('t', {}, () => 'b')).toThrow('Duplicate tool: t is already registered');
    expect(b.tools.names()).toEqual([]);
    expect(() => parent.tool('t', {}, () => 'p')).toThrow(
      'Duplicate tool: t is already registered',
    );

    const first = createServer({ name: 'f', version: '1' }).tool('t', {}, () => 'first');
    const second = createServer({ name: 's', version: '1' }).tool('t', {}, () => 'second');
    const replacing = createServer({ name: 'r', version: '1', onDuplicate: 'replace' })
      .mount(first)
      .mount(second);
    expect(body(await result(replacing, 'tools/call', { name: 't' }))).toEqual({
      content: [{ type: 'text', text: 'second' }],
    });
  });

  test('a live link: added, disabled and removed components show at once, with list_changed', async () => {
    const sub = createServer({ name: 'sub', version: '1' }).tool('a', {}, () => 'a');
    const main = createServer({ name: 'main', version: '1' }).mount(sub, { prefix: 's' });
    await using c = await initialized(main);
    expect(names(await c.client.request('tools/list'))).toEqual(['s_a']);

    sub.tool('b', {}, () => 'b');
    await tick();
    expect(c.notifications).toEqual([
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
    ]);
    expect(names(await c.client.request('tools/list'))).toEqual(['s_a', 's_b']);

    sub.tools.disable('a');
    sub.resource('res://x', {}, () => 'x');
    await tick();
    expect(c.notifications.slice(1)).toEqual([
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
      { jsonrpc: '2.0', method: 'notifications/resources/list_changed' },
    ]);
    expect(names(await c.client.request('tools/list'))).toEqual(['s_b']);
    await expect(c.client.request('tools/call', { name: 's_a' })).rejects.toMatchObject({
      code: -32602,
      message: 'Unknown tool: s_a',
    });
    expect(await c.client.request('resources/read', { uri: 'res://s/x' })).toEqual({
      contents: [{ uri: 'res://s/x', mimeType: 'text/plain', text: 'x' }],
    });
    sub.tools.remove('b');
    await tick();
    expect(await c.client.request('tools/list')).toEqual({ tools: [] });
  });

  test('nested mounts compose prefixes; changes deep down reach the top', async () => {
    const leaf = createServer({ name: 'leaf', version: '1' })
      .tool('t', {}, () => 'leaf')
      .resource('res://r', {}, () => 'r');
    const mid = createServer({ name: 'mid', version: '1' }).mount(leaf, { prefix: 'b' });
    const top = createServer({ name: 'top', version: '1' }).mount(mid, { prefix: 'a' });
    await using c = await initialized(top);
    expect(names(await c.client.request('tools/list'))).toEqual(['a_b_t']);
    expect(await c.client.request('tools/call', { name: 'a_b_t' })).toEqual({
      content: [{ type: 'text', text: 'leaf' }],
    });
    expect(await c.client.request('resources/read', { uri: 'res://a/b/r' })).toEqual({
      contents: [{ uri: 'res://a/b/r', mimeType: 'text/plain', text: 'r' }],
    });
    leaf.tool('u', {}, () => 'u');
    await tick();
    expect(c.notifications).toEqual([
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
    ]);
    expect(names(await c.client.request('tools/list'))).toEqual(['a_b_t', 'a_b_u']);
    expect(() => leaf.mount(top)).toThrow('Cannot mount top into leaf: a cycle');
  });

  test("the parent's middleware runs, then the sub-server's, each with its own view", async () => {
    const trace: string[] = [];
    const sub = createServer({ name: 'sub', version: '1' })
      .use({
        onCallTool: async (ctx, next) => {
          trace.push(`sub ${String(ctx.params.name)} state=${String(ctx.state.get('who'))}`);
          return next();
        },
      })
      .tool('t', {}, () => {
        trace.push('handler');
        return 'done';
      });
    const main = createServer({ name: 'main', version: '1' })
      .use({
        onCallTool: async (ctx, next) => {
          trace.push(`main ${String(ctx.params.name)}`);
          ctx.state.set('who', 'main');
          return next();
        },
      })
      .mount(sub, { prefix: 's' });
    expect(body(await result(main, 'tools/call', { name: 's_t' }))).toEqual({
      content: [{ type: 'text', text: 'done' }],
    });
    expect(trace).toEqual(['main s_t', 'sub t state=main', 'handler']);
  });

  test("the parent's tag filters and the mount's include/exclude tags apply", async () => {
    const sub = () =>
      createServer({ name: 'sub', version: '1' })
        .tool('pub', { tags: ['public'] }, () => 'p')
        .tool('admin', { tags: ['admin'] }, () => 'a')
        .tool('both', { tags: ['public', 'admin'] }, () => 'b');
    const filtered = createServer({ name: 'm', version: '1', excludeTags: ['admin'] }).mount(sub());
    expect(names(await result(filtered, 'tools/list'))).toEqual(['pub']);
    expect(await failure(filtered, 'tools/call', { name: 'admin' })).toEqual({
      code: -32602,
      message: 'Unknown tool: admin',
    });
    const included = createServer({ name: 'm', version: '1' }).mount(sub(), {
      includeTags: ['public'],
      excludeTags: ['admin'],
    });
    expect(names(await result(included, 'tools/list'))).toEqual(['pub']);
  });

  test("error masking: the parent's masks the sub's errors; the sub's own masking holds too", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const sub = (mask: boolean) =>
      createServer({ name: 'sub', version: '1', maskErrorDetails: mask }).tool('boom', {}, () => {
        throw new Error('secret detail');
      });
    const call = async (parentMask: boolean, subMask: boolean) =>
      body(
        await result(
          createServer({ name: 'm', version: '1', maskErrorDetails: parentMask }).mount(
            sub(subMask),
            { prefix: 's' },
          ),
          'tools/call',
          { name: 's_boom' },
        ),
      );
    const masked = {
      content: [{ type: 'text', text: 'Error calling tool s_boom' }],
      isError: true,
    };
    expect(await call(true, false)).toEqual(masked);
    expect(await call(false, true)).toEqual(masked);
    expect(await call(false, false)).toEqual({
      content: [{ type: 'text', text: 'secret detail' }],
      isError: true,
    });
  });

  test("the sub-server's lifespan starts with the parent's and stops with it; ctx is the sub's", async () => {
    const events: string[] = [];
    const sub = createServer({
      name: 'sub',
      version: '1',
      lifespan: {
        start: () => {
          events.push('sub start');
          return { db: 'sub-db' };
        },
        stop: () => void events.push('sub stop'),
      },
    })
      .resource('res://own', {}, () => 'own')
      .tool('t', {}, async (_input, ctx) => {
        const [own] = await ctx.readResource('res://own');
        return `${ctx.lifespan.db} ${(own as { text: string }).text}`;
      });
    const main = createServer({
      name: 'main',
      version: '1',
      lifespan: {
        start: () => void events.push('main start'),
        stop: () => void events.push('main stop'),
      },
    }).mount(sub, { prefix: 's' });
    expect(body(await result(main, 'tools/call', { name: 's_t' }))).toEqual({
      content: [{ type: 'text', text: 'sub-db own' }],
    });
    expect(events).toEqual(['main start', 'sub start']);
    await main.close();
    expect(events).toEqual(['main start', 'sub start', 'sub stop', 'main stop']);
  });

  test('stateless era: a mounted tool asks for input through the parent (MRTR)', async () => {
    const sub = createServer({ name: 'sub', version: '1' }).tool('hi', {}, async (_i, ctx) => {
      const r = await ctx.elicit('Name?', z.object({ name: z.string() }));
      return r.action === 'accept' ? `Hi ${r.data.name}` : 'no';
    });
    const main = createServer({ name: 'main', version: '1' }).mount(sub, { prefix: 's' });
    const caps = { elicitation: {} };
    const first = await result(main, 'tools/call', { name: 's_hi' }, { caps });
    expect(first.resultType).toBe('input_required');
    expect(first.inputRequests).toEqual({
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
    });
    const second = await result(
      main,
      'tools/call',
      {
        name: 's_hi',
        requestState: first.requestState as string,
        inputResponses: { elicit_0: { action: 'accept', content: { name: 'Ada' } } },
      },
      { caps },
    );
    expect(body(second)).toEqual({ content: [{ type: 'text', text: 'Hi Ada' }] });
  });

  test("resource updates of the sub-server reach the parent's subscribers under its URI", async () => {
    const sub = createServer({ name: 'sub', version: '1' }).resource('res://x', {}, () => 'x');
    const main = createServer({ name: 'main', version: '1' }).mount(sub, { prefix: 's' });
    await using c = await initialized(main);
    await c.client.request('resources/subscribe', { uri: 'res://s/x' });
    sub.notifyResourceUpdated('res://x');
    await tick();
    expect(c.notifications).toEqual([
      { jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: 'res://s/x' } },
    ]);
  });

  test('only servers made by createServer() or createProxy() can be mounted', () => {
    const main = createServer({ name: 'main', version: '1' });
    const fake = { connect: async () => ({}), handle: async () => ({}), '~types': {} };
    expect(() => main.mount(fake as never)).toThrow(
      'mount() takes a server made by createServer() or createProxy(); wrap any other MCP server with createProxy(server)',
    );
  });
});
