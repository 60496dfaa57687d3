import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { server } from '../src/server.js';

test('pnpm start runs the same handler in both eras', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  const sampled =
    '  sampling asked: Summarize in one line: v2.0 adds typed clients, tag filtering and the stateless protocol era.';
  const asked = '  elicitation asked: Publish "Typed clients and a stateless era"?';
  const tail = [
    '  progress 3/3 done',
    '  log notice: published to blog',
    '  result: Published to blog: Typed clients and a stateless era',
  ];
  const run = [
    '  log info: reading the release notes',
    '  progress 1/3 read',
    sampled,
    '  progress 2/3 summarized',
    asked,
    ...tail,
  ];
  expect({ stdout, stderr }).toEqual({
    stdout: [
      'handshake era:',
      ...run,
      // Three rounds (sample, elicit, done) that replay the handler from the top; each
      // replay drops the logs and progress earlier rounds already sent, so the client sees
      // exactly what the handshake era shows.
      'stateless era:',
      ...run,
      '',
    ].join('\n'),
    stderr: '',
  });
});

test.each(['handshake', 'stateless'] as const)(
  '%s era: the form asked and a decline',
  async (mode) => {
    const forms: unknown[] = [];
    const client = await createClient<typeof server>(server, {
      mode,
      handlers: {
        sampling: () => ({ role: 'assistant', model: 'm', content: { type: 'text', text: 'S' } }),
        elicitation: (params) => {
          forms.push(params);
          return { action: 'decline' };
        },
      },
    });
    try {
      const result = await client.callTool('publish_summary', {}, { throwOnError: true });
      expect(result.data).toBe('Not published (decline)');
      expect(forms).toEqual([
        {
          message: 'Publish "S"?',
          requestedSchema: {
            type: 'object',
            properties: { channel: { type: 'string', enum: ['blog', 'newsletter'] } },
            required: ['channel'],
          },
        },
      ]);
    } finally {
      await client.close();
    }
  },
);

test.each(['handshake', 'stateless'] as const)(
  '%s era: no sampling handler, a clear refusal',
  async (mode) => {
    const client = await createClient<typeof server>(server, { mode });
    try {
      await expect(client.callTool('publish_summary', {})).rejects.toMatchObject({
        code: -32021,
        message:
          'The client did not declare the sampling capability that sampling/createMessage needs',
      });
    } finally {
      await client.close();
    }
  },
);
