import { ConnectionClosedError, ENVELOPE_KEYS, ErrorCode, McpError } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, type McpClient } from '../src/index.js';
import {
  type FakeHandshakeOptions,
  type FakeHandshakeServer,
  startHandshakeServer,
} from './fakes/handshake-server.js';
import { startStatelessServer } from './fakes/stateless-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

function handshake(options?: FakeHandshakeOptions) {
  const server = startHandshakeServer(options);
  open.push(server);
  return server;
}

async function track(client: Promise<McpClient>): Promise<McpClient> {
  const c = await client;
  open.push(c);
  return c;
}

const methods = (server: FakeHandshakeServer) =>
  server.received.map((m) => ('method' in m ? m.method : 'response'));

describe('era negotiation', () => {
  it('auto: falls back to initialize when server/discover is unknown (-32601)', async () => {
    const server = handshake({ instructions: 'be nice' });
    const client = await track(connectClient(server.transport, { handlers: { roots: [] } }));
    expect(client.era).toBe('handshake');
    expect(client.instructions).toBe('be nice');
    expect(methods(server)).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
    expect(server.requests('initialize')[0]?.params).toEqual({
      protocolVersion: '2025-11-25',
      capabilities: { roots: { listChanged: true } },
      clientInfo: { name: 'mcpkit-client', version: '0.1.0' },
    });
    // The probe carried the envelope with stateless-era capabilities.
    expect(server.requests('server/discover')[0]?.params).toEqual({
      _meta: {
        [ENVELOPE_KEYS.protocolVersion]: '2026-07-28',
        [ENVELOPE_KEYS.clientCapabilities]: { roots: {} },
        [ENVELOPE_KEYS.clientInfo]: { name: 'mcpkit-client', version: '0.1.0' },
      },
    });
  });

  it.each([
    [
      '-32602',
      () => {
        throw new McpError(ErrorCode.InvalidParams, 'no');
      },
    ],
    [
      '-32603',
      () => {
        throw new Error('boom');
      },
    ],
    ['a result without supportedVersions', () => ({ capabilities: {} })],
  ])('auto: falls back on %s', async (_label, discover) => {
    const server = handshake({ handlers: { 'server/discover': discover } });
    const client = await track(connectClient(server.transport));
    expect(client.era).toBe('handshake');
    expect(methods(server)).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
  });

  it('accepts an older handshake version the server answers', async () => {
    const server = handshake({ answerVersion: '2025-03-26' });
    const client = await track(connectClient(server.transport, { mode: 'handshake' }));
    expect(client.protocolVersion).toBe('2025-03-26');
    expect(methods(server)).toEqual(['initialize', 'notifications/initialized']);
  });

  it('closes with a clear error when the server answers a version it cannot speak', async () => {
    const server = handshake({ answerVersion: '2099-01-01' });
    const error = await connectClient(server.transport, { mode: 'handshake' }).catch((e) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error.message).toBe(
      'The server answered initialize with protocol version "2099-01-01", which this client does not speak ' +
        '(it speaks 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05)',
    );
    await server.session.done;
    expect(server.session.closed).toBe(true);
  });

  it('stateless mode: fails instead of falling back', async () => {
    const server = handshake();
    const error = await connectClient(server.transport, { mode: 'stateless' }).catch((e) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error.code).toBe(-32601);
    expect(methods(server)).toEqual(['server/discover']);
  });

  it('retries with a version from -32022 data.supported', async () => {
    const server = startStatelessServer({ rejectFirst: true });
    open.push(server);
    const client = await track(connectClient(server.transport));
    expect(client.era).toBe('stateless');
    expect(
      server.seen.map((s) => [
        s.method,
        (s.params as { _meta: Record<string, unknown> })._meta[ENVELOPE_KEYS.protocolVersion],
      ]),
    ).toEqual([
      ['server/discover', '2026-07-28'],
      ['server/discover', '2026-07-28'],
    ]);
  });

  it('retries any stateless request once on -32022', async () => {
    let rejections = 1;
    const server = startStatelessServer({
      handlers: {
        'resources/read': () => {
          if (rejections-- > 0) {
            throw new McpError(ErrorCode.UnsupportedProtocolVersion, 'nope', {
              supported: ['2026-07-28'],
              requested: 'x',
            });
          }
          return { resultType: 'complete', contents: [] };
        },
      },
    });
    open.push(server);
    const client = await track(connectClient(server.transport));
    expect(await client.readResource('a://b')).toEqual({ resultType: 'complete', contents: [] });
    expect(server.seen.map((s) => s.method)).toEqual([
      'server/discover',
      'resources/read',
      'resources/read',
    ]);
    expect(server.seen[1]?.id).not.toBe(server.seen[2]?.id);
  });

  it('gives up after one -32022 retry, and when no offered version is spoken', async () => {
    const always = () => {
      throw new McpError(ErrorCode.UnsupportedProtocolVersion, 'nope', {
        supported: ['2026-07-28'],
        requested: 'x',
      });
    };
    const server = startStatelessServer({ handlers: { 'resources/read': always } });
    open.push(server);
    const client = await track(connectClient(server.transport));
    const error = await client.readResource('a://b').catch((e) => e);
    expect(error.code).toBe(-32022);
    expect(server.seen.map((s) => s.method)).toEqual([
      'server/discover',
      'resources/read',
      'resources/read',
    ]);

    const old = handshake({
      handlers: {
        'server/discover': () => {
          throw new McpError(ErrorCode.UnsupportedProtocolVersion, 'nope', {
            supported: ['2025-11-25'],
          });
        },
      },
    });
    const fallback = await track(connectClient(old.transport));
    expect(fallback.era).toBe('handshake');
    expect(methods(old)).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
  });

  it('remembers a handshake verdict per cacheKey and skips the probe next time', async () => {
    const key = `cache-test-${Math.random()}`;
    const first = handshake();
    await track(connectClient(first.transport, { cacheKey: key }));
    expect(methods(first)).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
    const second = handshake();
    await track(connectClient(second.transport, { cacheKey: key }));
    expect(methods(second)).toEqual(['initialize', 'notifications/initialized']);
    const unkeyed = handshake();
    await track(connectClient(unkeyed.transport));
    expect(methods(unkeyed)).toEqual([
      'server/discover',
      'initialize',
      'notifications/initialized',
    ]);
  });

  it('rejects with ConnectionClosedError when the server goes away during the probe', async () => {
    const server = handshake({ handlers: { 'server/discover': () => new Promise(() => {}) } });
    const pending = connectClient(server.transport);
    setTimeout(() => void server.close(), 10);
    expect(await pending.catch((e) => e)).toBeInstanceOf(ConnectionClosedError);
  });
});
