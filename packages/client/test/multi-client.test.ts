import { createMemoryTransportPair, McpError } from '@mcpkit/core';
import { createServer } from '@mcpkit/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type MultiClient, ToolCallError } from '../src/index.js';
import { startHandshakeServer } from './fakes/handshake-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

function weather() {
  return createServer({ name: 'weather', version: '1' })
    .tool('forecast', {}, () => 'sunny')
    .resource('file:///data/today.txt', {}, () => 'warm')
    .resourceTemplate('city://{name}', {}, ({ name }) => `city ${name}`)
    .prompt('brief', {}, () => 'weather brief');
}

function notes() {
  return createServer({ name: 'notes', version: '1' })
    .tool('forecast', {}, () => 'notes forecast')
    .tool('fail', {}, () => {
      throw new Error('nope');
    })
    .resource('notes://all', {}, () => 'all notes');
}

async function multi(
  extra: Record<string, unknown> = {},
  separator?: string,
): Promise<MultiClient> {
  const w = weather();
  const n = notes();
  open.push(w, n);
  const client = await createClient(
    { mcpServers: { weather: w, notes: n, ...extra } as never },
    separator ? { separator } : {},
  );
  open.push(client);
  return client;
}

describe('multi-server client', () => {
  it('prefixes tools, prompts, resources and templates, and routes calls back', async () => {
    const client = await multi();
    expect((await client.listTools()).map((t) => t.name)).toEqual([
      'weather_forecast',
      'notes_forecast',
      'notes_fail',
    ]);
    expect((await client.listPrompts()).map((p) => p.name)).toEqual(['weather_brief']);
    expect((await client.listResources()).map((r) => r.uri)).toEqual([
      'file://weather//data/today.txt',
      'notes://notes/all',
    ]);
    expect((await client.listResourceTemplates()).map((t) => t.uriTemplate)).toEqual([
      'city://weather/{name}',
    ]);
    expect((await client.callTool('weather_forecast')).data).toBe('sunny');
    expect(await client.tools.notes_forecast!()).toBe('notes forecast');
    expect((await client.readResource('file://weather//data/today.txt')).contents).toEqual([
      { uri: 'file:///data/today.txt', mimeType: 'text/plain', text: 'warm' },
    ]);
    expect((await client.readResource('city://weather/Oslo')).contents[0]).toMatchObject({
      text: 'city Oslo',
    });
    expect((await client.getPrompt('weather_brief')).messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'weather brief' } },
    ]);
    expect(await client.tools.notes_fail!().catch((e) => e)).toBeInstanceOf(ToolCallError);
    expect(Object.keys(client.clients)).toEqual(['weather', 'notes']);
    expect(client.errors).toEqual({});
  });

  it('uses the separator option', async () => {
    const client = await multi({}, '.');
    expect((await client.listTools()).map((t) => t.name)).toEqual([
      'weather.forecast',
      'notes.forecast',
      'notes.fail',
    ]);
    expect((await client.callTool('notes.forecast')).data).toBe('notes forecast');
  });

  it('rejects unknown names with -32602', async () => {
    const client = await multi();
    const error = await client.callTool('sports_score').catch((e) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error.toJSON()).toEqual({ code: -32602, message: 'Unknown tool: sports_score' });
    expect((await client.readResource('x://nobody/y').catch((e) => e)).message).toBe(
      'Unknown resource: x://nobody/y',
    );
  });

  it('keeps working when one server fails, and says which and why', async () => {
    const [dead] = createMemoryTransportPair();
    await dead.close();
    const client = await multi({ broken: 'mcpkit-no-such-command-xyz' });
    expect(Object.keys(client.clients)).toEqual(['weather', 'notes']);
    expect(client.errors.broken?.message).toBe(
      'Failed to start MCP server "mcpkit-no-such-command-xyz": spawn mcpkit-no-such-command-xyz ENOENT',
    );
    expect((await client.listTools()).map((t) => t.name)).toEqual([
      'weather_forecast',
      'notes_forecast',
      'notes_fail',
    ]);
    const error = await client.callTool('broken_tool').catch((e) => e);
    expect(error.message).toBe('Unknown tool: broken_tool (server broken is not connected)');
  });

  it('records a server whose listing fails and lists the others', async () => {
    const fake = startHandshakeServer({
      handlers: { 'prompts/list': () => Promise.reject(new Error('db down')) },
    });
    open.push(fake);
    const client = await multi({ old: fake.transport });
    expect((await client.listPrompts()).map((p) => p.name)).toEqual(['weather_brief']);
    expect(client.errors.old?.message).toBe('db down');
  });

  it('needs no prefix for a single server', async () => {
    const w = weather();
    open.push(w);
    const client = await createClient({ mcpServers: { weather: w } });
    open.push(client);
    expect((await client.listTools()).map((t) => t.name)).toEqual(['forecast']);
    expect((await client.listResources()).map((r) => r.uri)).toEqual(['file:///data/today.txt']);
    expect((await client.callTool('forecast')).data).toBe('sunny');
  });

  it('fails when no server connects', async () => {
    const error = await createClient({ mcpServers: { a: 'mcpkit-no-such-command-xyz' } }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AggregateError);
    expect(error.message).toBe(
      'No MCP server could be reached (a: Failed to start MCP server "mcpkit-no-such-command-xyz": spawn mcpkit-no-such-command-xyz ENOENT)',
    );
  });
});
