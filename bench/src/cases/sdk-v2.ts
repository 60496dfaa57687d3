import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { type BenchCase, echoedText } from '../case.js';

/** The official SDK v2: McpServer + Client from the split packages, full stacks. */
export const sdkV2: BenchCase = {
  id: 'sdk-v2',
  label: 'official SDK v2 (McpServer + Client)',
  measures:
    '@modelcontextprotocol/server + @modelcontextprotocol/client 2.x: McpServer with an `echo` ' +
    'tool (zod input) and Client over InMemoryTransport.createLinkedPair(), calling client.callTool()',
  async setup() {
    const server = new McpServer({ name: 'bench', version: '1.0.0' });
    server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
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
