import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@mcpkit/client';
import { expect, test, vi } from 'vitest';
import { server } from '../src/server.js';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

test('pnpm start shows the ToolError text and a masked internal error', async () => {
  const { stdout, stderr } = await exec(
    process.execPath,
    ['--conditions=@mcpkit/source', '--import', 'tsx', 'src/main.ts'],
    { cwd: root, timeout: 15_000 },
  );
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
    'mcpkit: tool balance failed: Error: connect ECONNREFUSED postgres://admin:s3cret@10.0.0.5:5432',
  );
});

test.each(['handshake', 'stateless'] as const)('%s era: exact error results', async (mode) => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
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
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[0]).toBe('mcpkit: tool balance failed:');
  } finally {
    logged.mockRestore();
    await client.close();
  }
});
