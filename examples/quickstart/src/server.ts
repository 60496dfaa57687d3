import { createServer } from '@mcpkit/server';
import { z } from 'zod';

export const server = createServer({ name: 'quickstart', version: '1.0.0' }).tool(
  'greet',
  {
    description: 'Greet someone by name',
    input: z.object({ name: z.string().describe('Who to greet') }),
  },
  ({ name }) => `Hello, ${name}!`,
);

// Run directly: serve over Streamable HTTP (imported by the client for its types only).
if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const listening = await server.listen({
    transport: 'http',
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8000),
    path: '/mcp',
  });
  console.error(`quickstart server listening on ${listening.url}`);
}
