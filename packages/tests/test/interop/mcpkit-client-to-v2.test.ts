// Our client against the official v2 SDK server over stdio (`serveStdio`) and HTTP
// (`createMcpHandler`): 'auto' lands on the 2026-07-28 wire (v2 answers server/discover);
// 'handshake' forces the 2025 wire (v2 pins a 2025 instance on stdio, serves HTTP statelessly).
import { type CoreClient, connectClient, type EraMode } from '@mcpkit/client';
import { httpClientTransport } from '@mcpkit/http';
import { stdioClientTransport } from '@mcpkit/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveV2Http } from '../../fixtures/v2-server.ts';
import { newEvents, ROOTS, standardClientOptions } from '../support/client-handlers.ts';
import { toolView } from '../support/expected.ts';
import { PACKAGE_ROOT, tsxArgs } from '../support/interop.ts';

interface Leg {
  over: 'stdio' | 'http';
  mode: EraMode;
}

const LEGS: Leg[] = [
  { over: 'stdio', mode: 'auto' },
  { over: 'stdio', mode: 'handshake' },
  { over: 'http', mode: 'auto' },
  { over: 'http', mode: 'handshake' },
];

const start = async (leg: Leg) => {
  if (leg.over === 'stdio') {
    const transport = stdioClientTransport({
      command: process.execPath,
      args: tsxArgs('v2-stdio.ts'),
      cwd: PACKAGE_ROOT,
      stderr: 'pipe',
    });
    return { transport, close: async () => {} };
  }
  const http = await serveV2Http();
  return { transport: httpClientTransport(http.url), close: http.close };
};

describe.each(LEGS)('mcpkit client → official v2 server over $over, mode $mode', (leg) => {
  const modern = leg.mode === 'auto';
  let client: CoreClient;
  let close = async () => {};
  const events = newEvents();

  beforeAll(async () => {
    const started = await start(leg);
    close = started.close;
    client = await connectClient(started.transport, {
      ...standardClientOptions(events),
      mode: leg.mode,
    });
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await close();
  });

  const SERVER_INFO = { name: 'official-v2-server', version: '2.0.0' };

  it(`negotiates the ${modern ? '2026-07-28' : '2025-11-25'} wire`, () => {
    expect({
      era: client.era,
      protocolVersion: client.protocolVersion,
      serverInfo: client.serverInfo,
      instructions: client.instructions,
    }).toEqual({
      era: modern ? 'stateless' : 'handshake',
      protocolVersion: modern ? '2026-07-28' : '2025-11-25',
      serverInfo: SERVER_INFO,
      instructions: 'An official v2 server.',
    });
  });

  it('lists tools with their exact schemas', async () => {
    const tools = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['echo', 'add', 'steps', 'ask']);
    const draft2020 = 'https://json-schema.org/draft/2020-12/schema';
    expect(tools.slice(0, 2)).toEqual([
      {
        name: 'echo',
        description: 'Echo the text back',
        inputSchema: {
          $schema: draft2020,
          type: 'object',
          properties: { text: { type: 'string' } },
          required: ['text'],
        },
      },
      {
        name: 'add',
        description: 'Add two numbers',
        inputSchema: {
          $schema: draft2020,
          type: 'object',
          properties: { a: { type: 'number' }, b: { type: 'number' } },
          required: ['a', 'b'],
        },
        outputSchema: {
          $schema: draft2020,
          type: 'object',
          properties: { sum: { type: 'number' } },
          required: ['sum'],
          additionalProperties: false,
        },
      },
    ]);
  });

  it('calls tools, reads a resource, renders a prompt', async () => {
    expect(toolView(await client.callTool('add', { a: 40, b: 2 }))).toEqual({
      content: [{ type: 'text', text: '{"sum":42}' }],
      structuredContent: { sum: 42 },
      isError: false,
      data: { sum: 42 },
    });
    // The 2026 wire adds the result type, caching hints (resources) and the server's identity.
    const meta = { _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO } };
    expect(await client.readResource('v2://greeting')).toEqual({
      contents: [{ uri: 'v2://greeting', mimeType: 'text/plain', text: 'Hello from v2' }],
      ...(modern ? { resultType: 'complete', ttlMs: 0, cacheScope: 'private', ...meta } : {}),
    });
    // v2 renders a prompt without its description.
    expect(await client.getPrompt('review', { code: 'v2()' })).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'Please review:\nv2()' } }],
      ...(modern ? { resultType: 'complete', ...meta } : {}),
    });
  });

  it('receives progress in order', async () => {
    const seen: unknown[] = [];
    await client.callTool('steps', { count: 4 }, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual(
      [1, 2, 3, 4].map((i) => ({ progress: i, total: 4, message: `step ${i}` })),
    );
  });

  // v2 serves 2025-era HTTP statelessly: every POST meets a fresh server that never saw the
  // initialize (so no client capabilities) and has no channel for a request back to the client.
  const stateless2025 = leg.over === 'http' && !modern;

  it(
    stateless2025
      ? "cannot be asked for input: v2's 2025 HTTP fallback is stateless, so the tool reports it"
      : `answers elicitation, sampling and roots (${modern ? 'MRTR' : 'server→client requests'})`,
    async () => {
      events.asked.length = 0;
      const result = await client.callTool('ask', {});
      if (stateless2025) {
        expect(toolView(result)).toEqual({
          content: [{ type: 'text', text: 'Client does not support form elicitation.' }],
          isError: true,
        });
        expect(events.asked).toEqual([]);
        return;
      }
      expect(result.data).toEqual({
        name: 'Ada',
        reply: 'sampled: Say hello',
        roots: ROOTS.map((root) => root.uri),
      });
      const via = modern ? 'input' : 'request';
      const era = modern ? 'stateless' : 'handshake';
      expect(events.asked).toEqual([
        { kind: 'elicitation', era, via },
        { kind: 'sampling', era, via },
        { kind: 'roots', era, via },
      ]);
    },
  );
});
