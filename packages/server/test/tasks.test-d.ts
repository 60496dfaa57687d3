import {
  createServer,
  type InferToolInput,
  type InferToolOutput,
  type StoredTask,
  type TaskStore,
  type ToolTaskOptions,
} from '@mcpkit/server';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';

describe('tasks types', () => {
  test('task tools keep their input and output types; ctx has startTask and taskId', () => {
    const server = createServer({ name: 't', version: '1', tasks: { ttlMs: null } }).tool(
      'job',
      { input: z.object({ n: z.number() }), output: z.string(), task: 'required' },
      async ({ n }, ctx) => {
        expectTypeOf(await ctx.startTask()).toEqualTypeOf<boolean>();
        expectTypeOf(ctx.taskId).toEqualTypeOf<string | undefined>();
        return `${n}`;
      },
    );
    expectTypeOf<InferToolInput<typeof server, 'job'>>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<InferToolOutput<typeof server, 'job'>>().toEqualTypeOf<string>();
  });

  test('task settings: a support level or options; nothing else', () => {
    expectTypeOf<ToolTaskOptions['start']>().toEqualTypeOf<'call' | 'handler' | undefined>();
    const s = createServer({ name: 't', version: '1' });
    s.tool('a', { task: 'optional' }, () => 'x');
    s.tool('b', { task: { support: 'required', start: 'handler', pollIntervalMs: 10 } }, () => 'x');
    // @ts-expect-error not a support level
    s.tool('c', { task: 'always' }, () => 'x');
    // @ts-expect-error support is required in the options form
    s.tool('d', { task: { start: 'call' } }, () => 'x');
  });

  test('a TaskStore may answer synchronously or with promises', () => {
    const map = new Map<string, StoredTask>();
    const sync: TaskStore = {
      create: (t) => void map.set(t.taskId, t),
      get: (id) => map.get(id),
      update: (t) => void map.set(t.taskId, t),
    };
    const viaPromises: TaskStore = {
      create: async () => {},
      get: async () => undefined,
      update: async () => {},
    };
    expectTypeOf(sync).toEqualTypeOf<TaskStore>();
    expectTypeOf(viaPromises.get).returns.toEqualTypeOf<
      StoredTask | undefined | Promise<StoredTask | undefined>
    >();
  });
});
