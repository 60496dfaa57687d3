import {
  type Context,
  createServer,
  type InferPromptArgs,
  type InferPrompts,
  type InferResources,
  type InferToolInput,
  type InferToolOutput,
  type InferTools,
  toolResult,
} from '@mcpkit/server';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';

describe('type accumulation', () => {
  const server = createServer({ name: 'demo', version: '1' })
    .tool(
      'add',
      { input: z.object({ a: z.number(), b: z.number().default(1) }), output: z.number() },
      ({ a, b }) => a + b,
    )
    .tool('ping', { description: 'no input' }, () => 'pong')
    .tool(
      'raw',
      { input: { type: 'object', properties: { q: { type: 'string' } } } },
      (input) => input.q,
    )
    .resource('config://app', {}, async () => ({ theme: 'dark' as const }))
    .resourceTemplate(
      'users://{id}/profile',
      { params: z.object({ id: z.coerce.number() }) },
      ({ id }) => ({ id }),
    )
    .prompt(
      'review',
      { args: z.object({ code: z.string(), lines: z.number().optional() }) },
      ({ code }) => code,
    );

  test('tools: one flat record with input (what callers send) and output', () => {
    expectTypeOf<keyof InferTools<typeof server>>().toEqualTypeOf<'add' | 'ping' | 'raw'>();
    expectTypeOf<InferToolInput<typeof server, 'add'>>().toEqualTypeOf<{
      a: number;
      b?: number | undefined;
    }>();
    expectTypeOf<InferToolOutput<typeof server, 'add'>>().toEqualTypeOf<number>();
    expectTypeOf<InferToolInput<typeof server, 'ping'>>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<InferToolOutput<typeof server, 'ping'>>().toEqualTypeOf<unknown>();
    expectTypeOf<InferToolInput<typeof server, 'raw'>>().toEqualTypeOf<Record<string, unknown>>();
  });

  test('resources and prompts', () => {
    expectTypeOf<InferResources<typeof server>>().toEqualTypeOf<{
      'config://app': { theme: 'dark' };
      'users://{id}/profile': { id: number };
    }>();
    expectTypeOf<keyof InferPrompts<typeof server>>().toEqualTypeOf<'review'>();
    expectTypeOf<InferPromptArgs<typeof server, 'review'>>().toEqualTypeOf<{
      code: string;
      lines?: number | undefined;
    }>();
  });

  test('the phantom member carries the whole record', () => {
    expectTypeOf(server['~types'].tools.add.input.a).toEqualTypeOf<number>();
  });
});

describe('handler inference', () => {
  test('tool input is the parsed schema output; ctx is the Context', () => {
    createServer({ name: 's', version: '1' }).tool(
      't',
      { input: z.object({ n: z.string().transform((s) => s.length) }) },
      (input, ctx) => {
        expectTypeOf(input).toEqualTypeOf<{ n: number }>();
        expectTypeOf(ctx).toEqualTypeOf<Context<undefined>>();
        return input.n;
      },
    );
  });

  test('an output schema types the return value', () => {
    createServer({ name: 's', version: '1' })
      .tool('ok', { output: z.object({ n: z.number() }) }, () => ({ n: 1 }))
      .tool('explicit', { output: z.object({ n: z.number() }) }, () => toolResult({ content: [] }))
      // @ts-expect-error: the return value must match the output schema
      .tool('bad', { output: z.object({ n: z.number() }) }, () => ({ n: 'x' }));
  });

  test('template params come from the template string when there is no schema', () => {
    createServer({ name: 's', version: '1' }).resourceTemplate(
      'files://{dir}/{name*}',
      {},
      (params) => {
        expectTypeOf(params).toEqualTypeOf<{ dir: string; name: string[] }>();
        return '';
      },
    );
  });

  test('prompt args and completion keys', () => {
    createServer({ name: 's', version: '1' }).prompt(
      'p',
      { args: z.object({ lang: z.enum(['ts', 'py']) }), complete: { lang: (value) => [value] } },
      (args) => {
        expectTypeOf(args).toEqualTypeOf<{ lang: 'ts' | 'py' }>();
        return 'x';
      },
    );
  });

  test('ctx.lifespan is typed by the lifespan hook', () => {
    createServer({ name: 's', version: '1', lifespan: { start: async () => ({ db: 42 }) } }).tool(
      't',
      {},
      (_input, ctx) => {
        expectTypeOf(ctx.lifespan).toEqualTypeOf<{ db: number }>();
        return ctx.lifespan.db;
      },
    );
  });

  test('ctx.elicit data follows the schema', () => {
    createServer({ name: 's', version: '1' }).tool('t', {}, async (_input, ctx) => {
      const r = await ctx.elicit('Name?', z.object({ name: z.string() }));
      if (r.action === 'accept') expectTypeOf(r.data).toEqualTypeOf<{ name: string }>();
      const s = await ctx.elicit('Age?', z.number());
      if (s.action === 'accept') expectTypeOf(s.data).toEqualTypeOf<number>();
      return 'ok';
    });
  });
});
