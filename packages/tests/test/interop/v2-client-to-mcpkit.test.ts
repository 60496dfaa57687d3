// The official v2 SDK client (@modelcontextprotocol/client) against our contract server: over
// stdio and Streamable HTTP on the 2026-07-28 wire (versionNegotiation 'auto' probes
// server/discover), and over HTTP on the handshake wire (v2's default, 'legacy').
import { serveHttp } from '@mcpkit/http/node';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractServer } from '../../fixtures/contract-server.ts';
import { ROOTS } from '../support/client-handlers.ts';
import { CAPABILITIES, CONTRACT_TOOLS, SERVER_INFO, TOOL_NAMES } from '../support/expected.ts';
import { PACKAGE_ROOT, recordInbound, tsxArgs } from '../support/interop.ts';

interface Leg {
  name: string;
  wire: '2026-07-28' | '2025-11-25';
  start(): Promise<{
    transport: StdioClientTransport | StreamableHTTPClientTransport;
    close(): Promise<void>;
  }>;
}

const overHttp = async () => {
  const { server } = createContractServer();
  const http = await serveHttp(server, { port: 0 });
  return {
    transport: new StreamableHTTPClientTransport(new URL(http.url)),
    close: async () => {
      await http.close();
      await server.close();
    },
  };
};

const LEGS: Leg[] = [
  {
    name: 'stdio',
    wire: '2026-07-28',
    start: async () => ({
      transport: new StdioClientTransport({
        command: process.execPath,
        args: tsxArgs('server.ts'),
        cwd: PACKAGE_ROOT,
        stderr: 'pipe',
      }),
      close: async () => {},
    }),
  },
  { name: 'http', wire: '2026-07-28', start: overHttp },
  { name: 'http', wire: '2025-11-25', start: overHttp },
];

const SERVER_META = { _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO } };

/**
 * What the 2026 wire adds to a result, as v2 hands it over: the server's identity (and caching
 * hints); `resultType` is consumed by its MRTR loop on tools/call, resources/read and prompts/get.
 */
const modern = (wire: Leg['wire'], extra: object = {}) =>
  wire === '2026-07-28' ? { ...extra, ...SERVER_META } : {};

describe.each(LEGS)('official v2 client → mcpkit server over $name on the $wire wire', (leg) => {
  let close: () => Promise<void> = async () => {};
  let received: unknown[] = [];
  const client = new Client(
    { name: 'official-v2', version: '2.0.0' },
    {
      capabilities: { sampling: {}, elicitation: { form: {} }, roots: {} },
      ...(leg.wire === '2026-07-28' ? { versionNegotiation: { mode: 'auto' as const } } : {}),
    },
  );
  client.setRequestHandler('elicitation/create', async () => ({
    action: 'accept',
    content: { name: 'Hopper' },
  }));
  client.setRequestHandler('sampling/createMessage', async (request) => {
    const content = request.params.messages[0]?.content;
    const text = content && 'text' in content ? content.text : '?';
    return { role: 'assistant', content: { type: 'text', text: `v2 says: ${text}` }, model: 'v2' };
  });
  client.setRequestHandler('roots/list', async () => ({ roots: ROOTS }));

  beforeAll(async () => {
    const started = await leg.start();
    close = started.close;
    received = recordInbound(started.transport as never);
    await client.connect(started.transport);
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await close();
  });

  it('connects: era, version, serverInfo, capabilities', () => {
    expect({
      era: client.getProtocolEra(),
      version: client.getNegotiatedProtocolVersion(),
      serverInfo: client.getServerVersion(),
      capabilities: client.getServerCapabilities(),
    }).toEqual({
      era: leg.wire === '2026-07-28' ? 'modern' : 'legacy',
      version: leg.wire,
      serverInfo: SERVER_INFO,
      capabilities: CAPABILITIES,
    });
  });

  it('lists tools with exact schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    expect(tools.slice(0, 3)).toEqual(CONTRACT_TOOLS);
  });

  it('calls tools, reads a resource, renders a prompt', async () => {
    expect(await client.callTool({ name: 'add', arguments: { a: 20, b: 22 } })).toEqual({
      content: [{ type: 'text', text: '{"sum":42}' }],
      structuredContent: { sum: 42 },
      ...modern(leg.wire),
    });
    expect(await client.callTool({ name: 'fail', arguments: {} })).toEqual({
      content: [{ type: 'text', text: 'the tool failed on purpose' }],
      isError: true,
      ...modern(leg.wire),
    });
    expect(await client.readResource({ uri: 'contract://greeting' })).toEqual({
      contents: [
        {
          uri: 'contract://greeting',
          mimeType: 'text/plain',
          text: 'Hello from the contract server',
        },
      ],
      ...modern(leg.wire, { ttlMs: 0, cacheScope: 'private' }),
    });
    expect(await client.getPrompt({ name: 'review', arguments: { code: 'v2' } })).toEqual({
      description: 'Review some code',
      messages: [{ role: 'user', content: { type: 'text', text: 'Please review:\nv2' } }],
      ...modern(leg.wire),
    });
  });

  it(
    leg.name === 'stdio'
      ? 'sends progress in order before the result (the SDK runs notification handlers a ' +
          'microtask late, so updates read in the same chunk as the result miss onprogress)'
      : 'sends progress in order before the result, and onprogress sees every update',
    async () => {
      const seen: unknown[] = [];
      const from = received.length;
      await client.callTool(
        { name: 'steps', arguments: { count: 3 } },
        { onprogress: (progress) => seen.push(progress) },
      );
      const updates = [1, 2, 3].map((i) => ({ progress: i, total: 3, message: `step ${i}` }));
      if (leg.name !== 'stdio') {
        expect(seen).toEqual(updates);
        return;
      }
      // Over stdio, what our server put on the wire, as the official transport handed it over.
      const wire = received.slice(from) as {
        method?: string;
        params?: { progressToken?: unknown };
      }[];
      const token = wire[0]?.params?.progressToken;
      expect(wire.map((m) => m.method ?? 'result')).toEqual([
        'notifications/progress',
        'notifications/progress',
        'notifications/progress',
        'result',
      ]);
      expect(wire.slice(0, 3).map((m) => m.params)).toEqual(
        updates.map((update) => ({ progressToken: token, ...update })),
      );
      expect(updates.slice(0, seen.length)).toEqual(seen);
    },
  );

  it(`answers elicitation, sampling and roots (${leg.wire === '2026-07-28' ? 'MRTR' : 'server→client requests'})`, async () => {
    const asked = { name: 'Hopper', reply: 'v2 says: Say hello', roots: ROOTS.map((r) => r.uri) };
    expect(await client.callTool({ name: 'ask', arguments: {} })).toEqual({
      content: [{ type: 'text', text: JSON.stringify(asked) }],
      structuredContent: asked,
      ...modern(leg.wire),
    });
  });
});
