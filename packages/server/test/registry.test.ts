import { createServer } from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { failure, initialized, result, tick } from './helpers.js';

const names = (r: unknown) => (r as { tools: { name: string }[] }).tools.map((t) => t.name);

describe('tags', () => {
  const tagged = (options: { includeTags?: string[]; excludeTags?: string[] }) =>
    createServer({ name: 's', version: '1', ...options })
      .tool('pub', { tags: ['public'] }, () => 'pub')
      .tool('both', { tags: ['public', 'admin'] }, () => 'both')
      .tool('plain', {}, () => 'plain')
      .prompt('adminPrompt', { tags: ['admin'] }, () => 'x')
      .resource('r://admin', { tags: ['admin'] }, () => 'x');

  test('includeTags shows only tagged components', async () => {
    expect(names(await result(tagged({ includeTags: ['public'] }), 'tools/list'))).toEqual([
      'pub',
      'both',
    ]);
  });

  test('excludeTags wins over includeTags; hidden components are not callable either', async () => {
    const s = tagged({ includeTags: ['public'], excludeTags: ['admin'] });
    expect(names(await result(s, 'tools/list'))).toEqual(['pub']);
    expect(await failure(s, 'tools/call', { name: 'both' })).toEqual({
      code: -32602,
      message: 'Unknown tool: both',
    });
    expect(await failure(s, 'prompts/get', { name: 'adminPrompt' })).toEqual({
      code: -32602,
      message: 'Unknown prompt: adminPrompt',
    });
    expect(await failure(s, 'resources/read', { uri: 'r://admin' })).toEqual({
      code: -32602,
      message: 'Resource not found: r://admin',
      data: { uri: 'r://admin' },
    });
  });
});

describe('runtime changes', () => {
  afterEach(() => vi.restoreAllMocks());

  test('enable, disable, remove and add after connect send list_changed to connected clients', async () => {
    const s = createServer({ name: 's', version: '1' })
      .tool('a', {}, () => 'a')
      .tool('b', { enabled: false }, () => 'b');
    await using c = await initialized(s);
    expect(names(await c.client.request('tools/list'))).toEqual(['a']);
    await expect(c.client.request('tools/call', { name: 'b' })).rejects.toMatchObject({
      code: -32602,
    });

    s.tools.enable('b');
    await tick();
    expect(names(await c.client.request('tools/list'))).toEqual(['a', 'b']);
    s.tools.get('a')?.disable();
    s.tool('c', {}, () => 'c');
    await tick();
    expect(names(await c.client.request('tools/list'))).toEqual(['b', 'c']);
    expect(s.tools.remove('b')).toBe(true);
    s.prompt('p', {}, () => 'x');
    await tick();
    expect(names(await c.client.request('tools/list'))).toEqual(['c']);
    expect(c.notifications).toEqual([
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
      { jsonrpc: '2.0', method: 'notifications/prompts/list_changed' },
    ]);
    expect(s.tools.names()).toEqual(['a', 'c']);
    expect(s.tools.get('a')).toMatchObject({ name: 'a', enabled: false, tags: [] });
  });

  test('duplicates: error by default, warn or replace on request', () => {
    const base = () => createServer({ name: 's', version: '1' }).tool('a', {}, () => 1);
    expect(() => base().tool('a', {}, () => 2)).toThrow(
      new Error('Duplicate tool: a is already registered'),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    createServer({ name: 's', version: '1', onDuplicate: 'warn' })
      .tool('a', {}, () => 1)
      .tool('a', {}, () => 2);
    expect(warn).toHaveBeenCalledWith('mcpkit: replacing the tool a registered before');
    createServer({ name: 's', version: '1', onDuplicate: 'replace' })
      .prompt('p', {}, () => 'a')
      .prompt('p', {}, () => 'b');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('replaced tools run the new handler', async () => {
    const s = createServer({ name: 's', version: '1', onDuplicate: 'replace' })
      .tool('a', {}, () => 1)
      .tool('a', {}, () => 2);
    expect(await result(s, 'tools/call', { name: 'a' })).toMatchObject({
      content: [{ type: 'text', text: '2' }],
    });
  });
});
