import type { InboundRequest, JsonObject } from '@mcpkit/core';
import { createMemoryTransportPair, createSession, ErrorCode, McpError } from '@mcpkit/core';
import { type BenchCase, echoedText } from '../case.js';

const answer = (req: InboundRequest): JsonObject => {
  if (req.method !== 'tools/call') {
    throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${req.method}`);
  }
  const args = req.params?.arguments as { text?: unknown } | undefined;
  return { content: [{ type: 'text', text: String(args?.text) }] };
};

/** Two bare core sessions: the JSON-RPC engine alone, no handshake, no tool registry. */
export const mcpkitEngine: BenchCase = {
  id: 'mcpkit-engine',
  label: 'mcpkit engine (core sessions)',
  measures:
    'two @mcpkit/core sessions over createMemoryTransportPair(); the server side answers ' +
    'tools/call with a hand-written handler (no tool registry, no input validation)',
  async setup() {
    const [clientSide, serverSide] = createMemoryTransportPair();
    const server = createSession({ transport: serverSide, onRequest: answer });
    const client = createSession({ transport: clientSide });
    await server.start();
    await client.start();
    return {
      call: async (text) =>
        echoedText(await client.request('tools/call', { name: 'echo', arguments: { text } })),
      close: async () => {
        await client.close();
        await server.close();
      },
    };
  },
};
