import { createClient } from '@mcpkit/client';
import type { ErrorInfo } from '@mcpkit/server';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { createErrorsServer } from '../src/server.js';

test('pnpm start shows the ToolError text and a masked internal error', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect(stdout).toBe(
    [
      'divide(10, 4): isError=false data=2.5',
      'divide(1, 0): isError=true text=Division by zero is not allowed',
      'balance: isError=true text=Error calling tool balance',
      'ToolCallError: Tool divide failed: Division by zero is not allowed',
      '',
    ].join('\n'),
  );
  // The real error is for the operator: on the server's stderr, with its stack.
  expect(stderr.split('\n')[0]).toBe(
    '[ops] tools/call balance failed: Error: connect ECONNREFUSED postgres://admin:s3cret@10.0.0.5:5432',
  );
});

test.each(['handshake', 'stateless'] as const)('%s era: exact error results', async (mode) => {
  const reports: [unknown, ErrorInfo][] = [];
  const server = createErrorsServer((error, info) => void reports.push([error, info]));
  const client = await createClient<typeof server>(server, { mode });
  try {
    const zero = await client.callTool('divide', { a: 1, b: 0 });
    expect(zero).toEqual({
      content: [{ type: 'text', text: 'Division by zero is not allowed' }],
      structuredContent: undefined,
      isError: true,
      // The client keeps protocol bookkeeping out of `_meta`: the same result in both eras.
      _meta: undefined,
      data: undefined,
    });
    const masked = await client.callTool('balance', { account: 'ACME-1' });
    expect(masked.content).toEqual([{ type: 'text', text: 'Error calling tool balance' }]);
    // Only the masked error is reported (a ToolError is meant for the client), in full.
    expect(reports).toEqual([
      [
        new Error('connect ECONNREFUSED postgres://admin:s3cret@10.0.0.5:5432'),
        { method: 'tools/call', name: 'balance', masked: true },
      ],
    ]);
  } finally {
    await client.close();
  }
});
