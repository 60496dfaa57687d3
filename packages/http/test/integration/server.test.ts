import { createSession, type JsonObject, type Session } from '@mcpkit/core';
import { createServer } from '@mcpkit/server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpClientTransport } from '../../src/client-transport.js';
import { type HttpServerHandle, serveHttp } from '../../src/serve-http.js';
import { envelope } from '../helpers/requests.js';

/** The real @mcpkit/server behind the transport, in both eras. */
const definition = () =>
  createServer({ name: 'integration', version: '1.0.0' })
    .tool(
      'add',
      { description: 'Add', input: z.object({ a: z.number(), b: z.number() }) },
      ({ a, b }) => a + b,
    )
    .tool('count', { description: 'Progress', input: z.object({}) }, async (_input, ctx) => {
      for (let i = 1; i <= 3; i++) await ctx.progress(i, 3);
      return 'counted';
    })
    .tool(
      'region',
      { description: 'Header', input: z.object({}) },
      (_input, ctx) => ctx.headers?.['mcp-method'] ?? 'none',
    );

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ handle: HttpServerHandle; session: Session }> {
  const handle = await serveHttp(definition(), { port: 0 });
  cleanups.push(() => handle.close());
  const session = createSession({ transport: httpClientTransport(handle.url), timeoutMs: 5000 });
  await session.start();
  cleanups.push(() => session.close());
  return { handle, session };
}

const text = (result: JsonObject) => (result.content as Array<{ text: string }>)[0]?.text;

describe('@mcpkit/server over Streamable HTTP', () => {
  it('handshake era: initialize, tools, progress', async () => {
    const { session } = await setup();
    const init = await session.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
    expect(init.protocolVersion).toBe('2025-11-25');
    await session.notify('notifications/initialized');
    expect(
      text(await session.request('tools/call', { name: 'add', arguments: { a: 2, b: 3 } })),
    ).toBe('5');
    const progress: number[] = [];
    const counted = await session.request(
      'tools/call',
      { name: 'count', arguments: {} },
      {
        onProgress: (p) => progress.push(p.progress),
      },
    );
    expect([progress, text(counted)]).toEqual([[1, 2, 3], 'counted']);
  });

  it('stateless era: cold requests with the envelope and SEP-2243 headers', async () => {
    const { session } = await setup();
    const discover = await session.request('server/discover', { _meta: envelope() });
    expect(discover.supportedVersions).toContain('2026-07-28');
    const sum = await session.request('tools/call', {
      name: 'add',
      arguments: { a: 1, b: 1 },
      _meta: envelope(),
    });
    expect(text(sum)).toBe('2');
    const seen = await session.request('tools/call', {
      name: 'region',
      arguments: {},
      _meta: envelope(),
    });
    expect(text(seen)).toBe('tools/call');
  });
});
