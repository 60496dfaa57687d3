import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { catalog } from '../src/server.js';

test('pnpm start shows what each filter lists and refuses a hidden tool', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect({ stdout, stderr }).toEqual({
    stdout: [
      '{} lists: search, search_v1, reindex, ping',
      '{"includeTags":["public"]} lists: search, search_v1',
      '{"excludeTags":["deprecated"]} lists: search, reindex, ping',
      '{"includeTags":["public"],"excludeTags":["deprecated"]} lists: search',
      'calling reindex: Unknown tool: reindex',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test.each(['handshake', 'stateless'] as const)(
  '%s era: filtered list and refusal',
  async (mode) => {
    const client = await createClient(
      catalog({ includeTags: ['public'], excludeTags: ['deprecated'] }),
      {
        mode,
      },
    );
    try {
      expect(await client.listTools()).toEqual([
        {
          name: 'search',
          inputSchema: {
            type: 'object',
            properties: { query: { type: 'string' } },
            required: ['query'],
          },
        },
      ]);
      expect((await client.callTool('search', { query: 'mcp' })).data).toBe('results for mcp');
      await expect(client.callTool('search_v1', { query: 'mcp' })).rejects.toMatchObject({
        code: -32602,
        message: 'Unknown tool: search_v1',
      });
    } finally {
      await client.close();
    }
  },
);
