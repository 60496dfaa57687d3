import type { GetPromptResult, ReadResourceResult, ServerEndpoint } from '@mcpkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type Client,
  createClient,
  type MultiClient,
  type ToolCallResult,
  type ToolCallSuccess,
} from '../src/index.js';

// A hand-written stand-in for `typeof server` from @mcpkit/server.
interface FakeServer extends ServerEndpoint {
  readonly '~types': {
    tools: {
      greet: { input: { name: string; polite?: boolean }; output: { message: string } };
      now: { input: Record<string, never>; output: unknown };
      add: { input: { a: number; b: number }; output: number };
    };
    prompts: {
      review: { args: { code: string } };
      hello: { args: Record<string, never> };
    };
    resources: { 'config://app': { theme: string }; 'users://{id}/profile': unknown };
  };
}

declare const server: FakeServer;
declare const typed: Client<FakeServer>;
declare const untyped: Client;

describe('typed facade', () => {
  it('infers the server type from a server object', () => {
    expectTypeOf(createClient(server)).resolves.toEqualTypeOf<Client<FakeServer>>();
    expectTypeOf(createClient<FakeServer>('http://127.0.0.1:1/mcp')).resolves.toEqualTypeOf<
      Client<FakeServer>
    >();
    expectTypeOf(createClient('npx -y some-server')).resolves.toEqualTypeOf<Client>();
    expectTypeOf(
      createClient({ mcpServers: { a: 'http://127.0.0.1:1/mcp' } }),
    ).resolves.toEqualTypeOf<MultiClient>();
  });

  it('checks tool names and arguments, and types data', () => {
    expectTypeOf(typed.callTool('greet', { name: 'Ada' })).resolves.toEqualTypeOf<
      ToolCallResult<{ message: string }>
    >();
    expectTypeOf(
      typed.callTool('add', { a: 1, b: 2 }, { throwOnError: true }),
    ).resolves.toEqualTypeOf<ToolCallSuccess<number>>();
    // A tool without required arguments may be called without them.
    typed.callTool('now');
    typed.callTool('now', undefined, { timeoutMs: 5 });
    // @ts-expect-error unknown tool
    typed.callTool('nope', {});
    // @ts-expect-error wrong argument type
    typed.callTool('greet', { name: 1 });
    // @ts-expect-error required arguments missing
    typed.callTool('greet');
    // @ts-expect-error unknown argument
    typed.callTool('add', { a: 1, b: 2, c: 3 });
  });

  it('narrows data on isError', async () => {
    const r = await typed.callTool('greet', { name: 'Ada' });
    if (!r.isError) expectTypeOf(r.data).toEqualTypeOf<{ message: string }>();
    else expectTypeOf(r.data).toEqualTypeOf<undefined>();
  });

  it('offers tools as functions', () => {
    expectTypeOf(typed.tools.greet({ name: 'Ada' })).resolves.toEqualTypeOf<{ message: string }>();
    expectTypeOf(typed.tools.add({ a: 1, b: 2 })).resolves.toEqualTypeOf<number>();
    typed.tools.now();
    // @ts-expect-error unknown tool
    typed.tools.nope;
    // @ts-expect-error missing arguments
    typed.tools.add();
  });

  it('types prompt arguments and resource URIs', () => {
    expectTypeOf(
      typed.getPrompt('review', { code: 'x' }),
    ).resolves.toEqualTypeOf<GetPromptResult>();
    typed.getPrompt('hello');
    // @ts-expect-error unknown prompt
    typed.getPrompt('nope');
    // @ts-expect-error missing argument
    typed.getPrompt('review', {});
    expectTypeOf(typed.readResource('config://app')).resolves.toEqualTypeOf<ReadResourceResult>();
    typed.readResource('anything://else');
  });

  it('allows any name and arguments without a server type', () => {
    expectTypeOf(untyped.callTool('whatever', { x: 1 })).resolves.toEqualTypeOf<
      ToolCallResult<unknown>
    >();
    untyped.callTool('no-args');
    // An index signature: under noUncheckedIndexedAccess a lookup may be undefined.
    const anything = untyped.tools.anything;
    if (anything) expectTypeOf(anything({ y: 2 })).resolves.toEqualTypeOf<unknown>();
    untyped.getPrompt('p', { a: 1 });
  });
});
