import { fileURLToPath } from 'node:url';
import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import type { server } from '../src/server.js';

const script = fileURLToPath(new URL('../src/server.ts', import.meta.url));

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
};

test('pnpm start calls the child server and leaves no process behind', async () => {
  const { stdout, stderr } = await runExample(import.meta.url, { timeoutMs: 20_000 });
  expect({ stdout, stderr }).toEqual({
    stdout: [
      'era: stateless',
      'add(2, 3) = 5',
      'server runs in another process: true',
      'server process still running after close: false',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test.each([
  ['{ command: path }, stateless era', { command: script }, 'stateless'],
  ['a path string, handshake era', script, 'handshake'],
] as const)(
  '%s: tool call, then the child is gone after close',
  async (_name, source, mode) => {
    const client = await createClient<typeof server>(source, { mode, stderr: 'pipe' });
    let pid = 0;
    try {
      expect(client.era).toBe(mode);
      const sum = await client.callTool('add', { a: 20, b: 22 }, { throwOnError: true });
      expect(sum.data).toBe(42);
      pid = (await client.tools.whoami()).pid;
      expect(pid).not.toBe(process.pid);
      expect(isRunning(pid)).toBe(true);
    } finally {
      await client.close();
    }
    expect(isRunning(pid)).toBe(false);
  },
  20_000,
);
