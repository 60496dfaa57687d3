import { createServer } from '@mcpkit/server';
import { z } from 'zod';

export const server = createServer({ name: 'stdio-demo', version: '1.0.0' })
  .tool(
    'add',
    { input: z.object({ a: z.number(), b: z.number() }), output: z.number() },
    ({ a, b }) => a + b,
  )
  .tool(
    'whoami',
    { description: 'The id of the server process', output: z.object({ pid: z.number() }) },
    () => ({ pid: process.pid }),
  );

// Run directly (by a client, or `pnpm server`): serve over stdin/stdout. Never print to stdout.
if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await server.listen(); // transport 'stdio' is the default
}
