import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';

test('pnpm start serves and calls a tool over a TCP socket in both eras', async () => {
  expect(await runExample(import.meta.url)).toEqual({
    stdout:
      'stateless (2026-07-28): HELLO OVER TCP, STATELESS ERA!\n' +
      'handshake (2025-11-25): HELLO OVER TCP, HANDSHAKE ERA!\n',
    stderr: '',
  });
});
