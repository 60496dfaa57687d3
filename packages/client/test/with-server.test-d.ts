import { createServer } from '@mcpkit/server';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type Client, createClient, type ToolCallResult } from '../src/index.js';

const server = createServer({ name: 'typed', version: '1' })
  .tool(
    'greet',
    { input: z.object({ name: z.string() }), output: z.object({ message: z.string() }) },
    ({ name }) => ({
      message: `Hello, ${name}!`,
    }),
  )
  .tool('ping', {}, () => 'pong')
  .prompt('review', { args: z.object({ code: z.string() }) }, ({ code }) => code);

describe('typed facade over a real @mcpkit/server definition', () => {
  it('infers tools and prompts from typeof server', async () => {
    const client = await createClient(server);
    expectTypeOf(client).toEqualTypeOf<Client<typeof server>>();
    expectTypeOf(client.callTool('greet', { name: 'Ada' })).resolves.toEqualTypeOf<
      ToolCallResult<{ message: string }>
    >();
    expectTypeOf(client.tools.greet({ name: 'Ada' })).resolves.toEqualTypeOf<{ message: string }>();
    client.callTool('ping');
    client.getPrompt('review', { code: 'x' });
    // @ts-expect-error unknown tool
    client.callTool('nope');
    // @ts-expect-error wrong argument
    client.tools.greet({ name: 42 });
    // @ts-expect-error missing prompt argument
    client.getPrompt('review', {});
  });
});
