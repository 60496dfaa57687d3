import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { server } from '../src/server.js';

test('pnpm start prints the tool, the product and the function-style call', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect({ stdout, stderr }).toEqual({
    stdout: [
      'multiply: {"type":"object","properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}',
      'multiply(6, 7) = 42',
      'structuredContent: {"result":42}',
      'tools.multiply({ a: 2.5, b: 4 }) = 10',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test('a string where a number belongs is a compile error and a tool error', async () => {
  const client = await createClient<typeof server>(server);
  try {
    // @ts-expect-error `a` must be a number
    const result = await client.callTool('multiply', { a: '6', b: 7 });
    expect(result).toEqual({
      content: [
        {
          type: 'text',
          text: 'Invalid arguments for tool multiply: Invalid input: a: expected number, received string',
        },
      ],
      structuredContent: undefined,
      isError: true,
      _meta: undefined,
      data: undefined,
    });
  } finally {
    await client.close();
  }
});
