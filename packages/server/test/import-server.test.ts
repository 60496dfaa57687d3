import { createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { body, failure, result } from './helpers.js';

const names = (r: unknown) => (r as { tools: { name: string }[] }).tools.map((t) => t.name);

describe('import()', () => {
  test('a static copy: later changes to the sub-server do not show', async () => {
    const sub = createServer({ name: 'sub', version: '1' })
      .tool('a', {}, () => 'a')
      .tool('hidden', { enabled: false }, () => 'h')
      .resource('res://r', {}, () => 'r')
      .prompt('p', {}, () => 'prompt');
    const main = createServer({ name: 'main', version: '1' }).import(sub, { prefix: 's' });
    sub.tool('later', {}, () => 'later');
    sub.tools.remove('a');
    sub.tools.enable('hidden');
    expect(names(await result(main, 'tools/list'))).toEqual(['s_a']);
    expect(body(await result(main, 'tools/call', { name: 's_a' }))).toEqual({
      content: [{ type: 'text', text: 'a' }],
    });
    expect(body(await result(main, 'resources/read', { uri: 'res://s/r' }))).toEqual({
      contents: [{ uri: 'res://s/r', mimeType: 'text/plain', text: 'r' }],
    });
    expect(body(await result(main, 'prompts/get', { name: 's_p' }))).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'prompt' } }],
    });
    expect(await failure(main, 'tools/call', { name: 's_later' })).toEqual({
      code: -32602,
      message: 'Unknown tool: s_later',
    });
  });

  test("copies become the parent's own: disable and remove them there", async () => {
    const sub = createServer({ name: 'sub', version: '1' }).tool('a', {}, () => 'a');
    const main = createServer({ name: 'main', version: '1' }).import(sub);
    expect(main.tools.names()).toEqual(['a']);
    main.tools.disable('a');
    expect(await result(main, 'tools/list')).toMatchObject({ tools: [] });
    expect(sub.tools.get('a')?.enabled).toBe(true);
  });

  test("a refused import changes nothing; a copy runs in the sub-server's context", async () => {
    const sub = createServer({
      name: 'sub',
      version: '1',
      lifespan: { start: () => 'sub-lifespan' },
    })
      .tool('ctx', {}, (_i, ctx) => String(ctx.lifespan))
      .prompt('taken', {}, () => 'x');
    const main = createServer({ name: 'main', version: '1' }).prompt('taken', {}, () => 'main');
    expect(() => main.import(sub)).toThrow('Duplicate prompt: taken is already registered');
    expect(main.tools.names()).toEqual([]);
    main.import(sub, { prefix: 's' });
    expect(body(await result(main, 'tools/call', { name: 's_ctx' }))).toEqual({
      content: [{ type: 'text', text: 'sub-lifespan' }],
    });
  });
});
