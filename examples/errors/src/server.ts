import { createServer, type ErrorInfo, ToolError } from '@mcpkit/server';
import { z } from 'zod';

/** Where the errors the client never sees go: here, one line on the server's stderr. */
const toStderr = (error: unknown, { method, name }: ErrorInfo) =>
  console.error(`[ops] ${method} ${name} failed:`, error);

/**
 * With maskErrorDetails, only ToolError messages are sent; other errors become a generic
 * message for the client and reach `onError` in full (by default: stderr).
 */
export function createErrorsServer(onError: (error: unknown, info: ErrorInfo) => void = toStderr) {
  return createServer({ name: 'errors', version: '1.0.0', maskErrorDetails: true, onError })
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
}

export const server = createErrorsServer();
