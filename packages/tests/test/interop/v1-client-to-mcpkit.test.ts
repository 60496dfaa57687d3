// The official v1 SDK client (@modelcontextprotocol/sdk) against our contract server,
// over stdio (our fixture in a child process) and Streamable HTTP (serveHttp in process).
import { serveHttp } from '@mcpkit/http/node';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractServer } from '../../fixtures/contract-server.ts';
import { ROOTS } from '../support/client-handlers.ts';
import { CAPABILITIES, CONTRACT_TOOLS, SERVER_INFO, TOOL_NAMES } from '../support/expected.ts';
import { initializedVersion, PACKAGE_ROOT, recordInbound, tsxArgs } from '../support/interop.ts';

type Started = {
  transport: StdioClientTransport | StreamableHTTPClientTransport;
  close(): Promise<void>;
};

const legs: Record<string, () => Promise<Started>> = {
  stdio: async () => ({
    transport: new StdioClientTransport({
      command: process.execPath,
      args: tsxArgs('server.ts'),
      cwd: PACKAGE_ROOT,
      stderr: 'pipe',
    }),
    close: async () => {},
  }),
  http: async () => {
    const { server } = createContractServer();
    const http = await serveHttp(server, { port: 0 });
    return {
      transport: new StreamableHTTPClientTransport(new URL(http.url)),
      close: async () => {
        await http.close();
        await server.close();
      },
    };
  },
};

describe.each(Object.keys(legs))('official v1 client → mcpkit server over %s', (leg) => {
  let started: Started;
  let received: unknown[];
  const client = new Client(
    { name: 'official-v1', version: '1.0.0' },
    { capabilities: { sampling: {}, elicitation: {}, roots: {} } },
  );
  client.setRequestHandler(ElicitRequestSchema, async () => ({
    action: 'accept',
    content: { name: 'Grace' },
  }));
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    const content = request.params.messages[0]?.content;
    const text = content && 'text' in content ? content.text : '?';
    return { role: 'assistant', content: { type: 'text', text: `v1 says: ${text}` }, model: 'v1' };
  });
  client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: ROOTS }));

  beforeAll(async () => {
    started = await (legs[leg] as () => Promise<Started>)();
    received = recordInbound(started.transport as never);
    await client.connect(started.transport);
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await started?.close();
  });

  it('initializes: version, serverInfo, capabilities, instructions', () => {
    expect({
      version: initializedVersion(received),
      serverInfo: client.getServerVersion(),
      capabilities: client.getServerCapabilities(),
      instructions: client.getInstructions(),
    }).toEqual({
      version: '2025-11-25',
      serverInfo: SERVER_INFO,
      capabilities: CAPABILITIES,
      instructions: 'The transport contract fixture.',
    });
  });

  it('lists tools with exact schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    expect(tools.slice(0, 3)).toEqual(CONTRACT_TOOLS);
  });

  // Our server leaves out `isError: false` (the spec's default).
  it('calls tools: structured, text and error results', async () => {
    expect(await client.callTool({ name: 'add', arguments: { a: 4, b: 5 } })).toEqual({
      content: [{ type: 'text', text: '{"sum":9}' }],
      structuredContent: { sum: 9 },
    });
    expect(await client.callTool({ name: 'echo', arguments: { text: 'v1' } })).toEqual({
      content: [{ type: 'text', text: 'v1' }],
    });
    expect(await client.callTool({ name: 'fail', arguments: {} })).toEqual({
      content: [{ type: 'text', text: 'the tool failed on purpose' }],
      isError: true,
    });
  });

  it('reads a resource and renders a prompt', async () => {
    expect(await client.readResource({ uri: 'contract://greeting' })).toEqual({
      contents: [
        {
          uri: 'contract://greeting',
          mimeType: 'text/plain',
          text: 'Hello from the contract server',
        },
      ],
    });
    expect(await client.getPrompt({ name: 'review', arguments: { code: 'let x' } })).toEqual({
      description: 'Review some code',
      messages: [{ role: 'user', content: { type: 'text', text: 'Please review:\nlet x' } }],
    });
  });

  it(
    leg === 'stdio'
      ? 'sends progress in order before the result (v1 runs notification handlers a microtask ' +
          'late, so updates read in the same chunk as the result miss onprogress)'
      : 'sends progress in order before the result, and onprogress sees every update',
    async () => {
      const seen: unknown[] = [];
      const from = received.length;
      const result = await client.callTool({ name: 'steps', arguments: { count: 3 } }, undefined, {
        onprogress: (progress) => seen.push(progress),
      });
      expect(result).toEqual({ content: [{ type: 'text', text: '3' }] });
      const updates = [1, 2, 3].map((i) => ({ progress: i, total: 3, message: `step ${i}` }));
      // What our server put on the wire, as the official transport handed it over.
      const wire = received.slice(from) as { method?: string; params?: object; result?: object }[];
      const token = (wire[0]?.params as { progressToken?: unknown } | undefined)?.progressToken;
      expect(wire).toEqual([
        ...updates.map((update) => ({
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: token, ...update },
        })),
        { jsonrpc: '2.0', id: expect.anything(), result },
      ]);
      if (leg === 'stdio') {
        expect(updates.slice(0, seen.length)).toEqual(seen);
      } else {
        expect(seen).toEqual(updates);
      }
    },
  );

  it("serves our server's elicitation, sampling and roots requests", async () => {
    const asked = { name: 'Grace', reply: 'v1 says: Say hello', roots: ROOTS.map((r) => r.uri) };
    expect(await client.callTool({ name: 'ask', arguments: {} })).toEqual({
      content: [{ type: 'text', text: JSON.stringify(asked) }],
      structuredContent: asked,
    });
  });
});
