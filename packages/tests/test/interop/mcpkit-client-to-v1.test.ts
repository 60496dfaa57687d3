// Our client against the official v1 SDK server (McpServer) over stdio and Streamable HTTP: era
// negotiation falls back from the server/discover probe to the initialize handshake.
import { type CoreClient, connectClient } from '@mcpkit/client';
import { httpClientTransport } from '@mcpkit/http';
import { stdioClientTransport } from '@mcpkit/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveV1Http } from '../../fixtures/v1-server.ts';
import { newEvents, ROOTS, standardClientOptions } from '../support/client-handlers.ts';
import { toolView } from '../support/expected.ts';
import { PACKAGE_ROOT, tsxArgs } from '../support/interop.ts';

const legs = {
  stdio: async () => ({
    transport: stdioClientTransport({
      command: process.execPath,
      args: tsxArgs('v1-stdio.ts'),
      cwd: PACKAGE_ROOT,
      stderr: 'pipe',
    }),
    close: async () => {},
  }),
  http: async () => {
    const http = await serveV1Http();
    return { transport: httpClientTransport(http.url), close: http.close };
  },
};

describe.each(['stdio', 'http'] as const)('mcpkit client → official v1 server over %s', (leg) => {
  let client: CoreClient;
  let close = async () => {};
  const events = newEvents();

  beforeAll(async () => {
    const started = await legs[leg]();
    close = started.close;
    // mode 'auto' (the default): probe server/discover first, then fall back.
    client = await connectClient(started.transport, standardClientOptions(events));
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await close();
  });

  it('falls back to the handshake era and learns the server', () => {
    expect({
      era: client.era,
      protocolVersion: client.protocolVersion,
      serverInfo: client.serverInfo,
      instructions: client.instructions,
      capabilities: client.serverCapabilities,
    }).toEqual({
      era: 'handshake',
      protocolVersion: '2025-11-25',
      serverInfo: { name: 'official-v1-server', version: '1.0.0' },
      instructions: 'An official v1 server.',
      capabilities: {
        logging: {},
        tools: { listChanged: true },
        resources: { listChanged: true },
        prompts: { listChanged: true },
      },
    });
  });

  it('lists tools with their exact schemas', async () => {
    const tools = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['echo', 'add', 'steps', 'ask']);
    const draft7 = 'http://json-schema.org/draft-07/schema#';
    expect(tools.slice(0, 2)).toEqual([
      {
        name: 'echo',
        description: 'Echo the text back',
        execution: { taskSupport: 'forbidden' },
        inputSchema: {
          $schema: draft7,
          type: 'object',
          properties: { text: { type: 'string' } },
          required: ['text'],
        },
      },
      {
        name: 'add',
        description: 'Add two numbers',
        execution: { taskSupport: 'forbidden' },
        inputSchema: {
          $schema: draft7,
          type: 'object',
          properties: { a: { type: 'number' }, b: { type: 'number' } },
          required: ['a', 'b'],
        },
        outputSchema: {
          $schema: draft7,
          type: 'object',
          properties: { sum: { type: 'number' } },
          required: ['sum'],
          additionalProperties: false,
        },
      },
    ]);
  });

  it('calls tools, reads a resource, renders a prompt', async () => {
    expect(toolView(await client.callTool('add', { a: 1.5, b: 2 }))).toEqual({
      content: [{ type: 'text', text: '{"sum":3.5}' }],
      structuredContent: { sum: 3.5 },
      isError: false,
      data: { sum: 3.5 },
    });
    expect(toolView(await client.callTool('echo', { text: 'to v1' }))).toEqual({
      content: [{ type: 'text', text: 'to v1' }],
      isError: false,
      data: 'to v1',
    });
    expect(await client.readResource('v1://greeting')).toEqual({
      contents: [{ uri: 'v1://greeting', mimeType: 'text/plain', text: 'Hello from v1' }],
    });
    // v1 renders a prompt without its description.
    expect(await client.getPrompt('review', { code: 'fn()' })).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'Please review:\nfn()' } }],
    });
  });

  it('receives progress in order', async () => {
    const seen: unknown[] = [];
    await client.callTool('steps', { count: 4 }, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual(
      [1, 2, 3, 4].map((i) => ({ progress: i, total: 4, message: `step ${i}` })),
    );
  });

  it("answers the v1 server's elicitation, sampling and roots requests", async () => {
    events.asked.length = 0;
    const result = await client.callTool('ask', {});
    expect(result.data).toEqual({
      name: 'Ada',
      reply: 'sampled: Say hello',
      roots: ROOTS.map((root) => root.uri),
    });
    expect(events.asked).toEqual([
      { kind: 'elicitation', era: 'handshake', via: 'request' },
      { kind: 'sampling', era: 'handshake', via: 'request' },
      { kind: 'roots', era: 'handshake', via: 'request' },
    ]);
  });
});
