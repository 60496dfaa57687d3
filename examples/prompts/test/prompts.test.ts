import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { server } from '../src/server.js';

test('pnpm start lists the prompt, renders it and completes two arguments', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect({ stdout, stderr }).toEqual({
    stdout: [
      'analyze_data: [{"name":"dataset","description":"Which dataset the numbers come from","required":true},{"name":"numbers","description":"The values to analyse","required":true},{"name":"threshold","description":"Flag values above this"},{"name":"method"}]',
      'user: Compute the median of sales-2025: 3, 5, 8. Flag every value above 4.',
      'complete dataset "sales": sales-2024, sales-2025',
      'complete method "me": mean, median',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test.each(['handshake', 'stateless'] as const)(
  '%s era: typed args, default and refusal',
  async (mode) => {
    const client = await createClient<typeof server>(server, { mode });
    try {
      const result = await client.getPrompt('analyze_data', { dataset: 'x', numbers: [1, 2] });
      expect(result.messages).toEqual([
        { role: 'user', content: { type: 'text', text: 'Compute the mean of x: 1, 2.' } },
      ]);
      // @ts-expect-error `numbers` must be an array of numbers
      const bad = client.getPrompt('analyze_data', { dataset: 'x', numbers: 'many' });
      await expect(bad).rejects.toMatchObject({
        code: -32602,
        message:
          'Invalid arguments for prompt analyze_data: Invalid input: numbers: expected array, received string',
      });
    } finally {
      await client.close();
    }
  },
);
