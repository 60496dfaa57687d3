import { createDispatcher, McpError } from '@mcpkit/core';
import { expect, test } from 'vitest';
import { sessionPair } from './helpers.js';

test('routes by method and answers unknown methods with -32601', async () => {
  await using pair = await sessionPair({
    onRequest: createDispatcher({
      ping: () => ({}),
      'tools/list': async () => ({ tools: [] }),
      'tools/call': () => {
        throw new McpError(-32602, 'Unknown tool: x');
      },
      disabled: undefined,
    }),
  });
  expect(await pair.client.request('ping')).toEqual({});
  expect(await pair.client.request('tools/list')).toEqual({ tools: [] });
  await expect(pair.client.request('tools/call')).rejects.toMatchObject({
    code: -32602,
    message: 'Unknown tool: x',
  });
  await expect(pair.client.request('disabled')).rejects.toMatchObject({
    code: -32601,
    message: 'Method not found: disabled',
  });
  await expect(pair.client.request('nope/nope')).rejects.toMatchObject({
    code: -32601,
    message: 'Method not found: nope/nope',
  });
});
