import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { type BenchCase, echoedText } from '../case.js';

/** The official SDK v1: McpServer + Client, full stacks, after the initialize handshake. */
export const sdkV1: BenchCase = {
  id: 'sdk-v1',
  label: 'official SDK v1 (McpServer + Client)',
  measures:
    '@modelcontextprotocol/sdk 1.x McpServer with an `echo` tool (zod input) and Client over ' +
    'InMemoryTransport.createLinkedPair(), calling client.callTool()',
  async setup() {
    const server = new McpServer({ name: 'bench', version: '1.0.0' });
    server.registerTool('echo', { inputSchema: { text: z.string() } }, ({ text }) => ({
      content: [{ type: 'text', text }],
    }));
    const client = new Client({ name: 'bench-client', version: '1.0.0' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    await client.connect(clientSide);
    return {
      call: async (text) =>
        echoedText(await client.callTool({ name: 'echo', arguments: { text } })),
      close: async () => {
        await client.close();
        await server.close();
      },
    };
  },
};
