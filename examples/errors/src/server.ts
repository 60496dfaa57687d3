import { createServer, ToolError } from '@mcpkit/server';
import { z } from 'zod';

// With maskErrorDetails, only ToolError messages are sent; other errors become a generic
// message for the client and are written, in full, to the server's stderr.
export const server = createServer({ name: 'errors', version: '1.0.0', maskErrorDetails: true })
  .tool(
    'divide',
    {
      description: 'Divide a by b',
      input: z.object({ a: z.number(), b: z.number() }),
      output: z.number(),
    },
    ({ a, b }) => {
      if (b === 0) throw new ToolError('Division by zero is not allowed');
      return a / b;
    },
  )
  .tool(
    'balance',
    { description: 'Account balance', input: z.object({ account: z.string() }) },
    () => {
      // An unexpected failure whose message must not reach the client.
      throw new Error('connect ECONNREFUSED postgres://admin:s3cret@10.0.0.5:5432');
    },
  );
