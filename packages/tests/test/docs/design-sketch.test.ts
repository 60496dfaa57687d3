import { createClient } from '@mcpkit/client';
import { createServer } from '@mcpkit/server';
import { expect, expectTypeOf, test } from 'vitest';
import { z } from 'zod';

// The API sketch of design.md §4 and the README, as written (port 0 instead of 8000).
test('the design sketch runs as written, over HTTP, with a typed client', async () => {
  const server = createServer({ name: 'demo', version: '1.0.0', instructions: '…' })
    .tool(
      'greet',
      { description: 'Say hello', input: z.object({ name: z.string() }) },
      ({ name }) => `Hello, ${name}!`,
    )
    .resource('config://app', { mimeType: 'application/json' }, () => ({ theme: 'dark' }))
    .resourceTemplate(
      'users://{id}/profile',
      { params: z.object({ id: z.coerce.number() }) },
      ({ id }) => ({ id, status: 'active' }),
    )
    .prompt('review', { args: z.object({ code: z.string() }) }, ({ code }) => `Review:\n${code}`);

  const listening = await server.listen({
    transport: 'http',
    host: '127.0.0.1',
    port: 0,
    path: '/mcp',
  });
  try {
    const client = await createClient<typeof server>(listening.url!);
    try {
      const r = await client.callTool('greet', { name: 'Ada' });
      expect(r.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
      expect(r.text).toBe('Hello, Ada!');
      expect(client.instructions).toBe('…');

      expect((await client.readResource('config://app')).contents).toEqual([
        { uri: 'config://app', mimeType: 'application/json', text: '{"theme":"dark"}' },
      ]);
      expect((await client.readResource('users://42/profile')).contents).toEqual([
        {
          uri: 'users://42/profile',
          mimeType: 'application/json',
          text: '{"id":42,"status":"active"}',
        },
      ]);
      expect((await client.getPrompt('review', { code: 'x = 1' })).messages).toEqual([
        { role: 'user', content: { type: 'text', text: 'Review:\nx = 1' } },
      ]);

      // @ts-expect-error the tool's input is typed from its schema
      await client.callTool('greet', { name: 42 }).catch(() => undefined);
      // @ts-expect-error unknown tool names are compile errors
      await client.callTool('nope', {}).catch(() => undefined);
      expectTypeOf(client.callTool<'greet'>)
        .parameter(1)
        .toEqualTypeOf<{ name: string }>();
    } finally {
      await client.close();
    }
  } finally {
    await listening.close();
  }
});
