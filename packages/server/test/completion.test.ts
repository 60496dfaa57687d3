import { createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { body, failure, initialized, result } from './helpers.js';

const many = Array.from({ length: 150 }, (_, i) => `v${i}`);

const server = () =>
  createServer({ name: 's', version: '1' })
    .prompt(
      'p',
      {
        args: z.object({ lang: z.enum(['ts', 'py', 'tsx']), city: z.string(), other: z.string() }),
        complete: {
          city: (value, { arguments: args }) =>
            ['Paris', 'Prague', `${args.lang ?? ''}-town`].filter((c) => c.startsWith(value)),
        },
      },
      () => 'x',
    )
    .resourceTemplate(
      'repo://{owner}/{name}',
      {
        complete: {
          owner: () => many,
          name: async () => ({ values: ['a'], total: 7, hasMore: true }),
        },
      },
      () => 'x',
    );

describe('completion/complete', () => {
  test('callbacks, automatic enum completion, caps at 100 with total and hasMore', async () => {
    await using c = await initialized(server());
    const ask = (ref: object, name: string, value: string, context?: object) =>
      c.client.request('completion/complete', {
        ref,
        argument: { name, value },
        ...(context ? { context } : {}),
      });
    expect(await ask({ type: 'ref/prompt', name: 'p' }, 'lang', 't')).toEqual({
      completion: { values: ['ts', 'tsx'], total: 2, hasMore: false },
    });
    expect(
      await ask({ type: 'ref/prompt', name: 'p' }, 'city', 'P', { arguments: { lang: 'ts' } }),
    ).toEqual({
      completion: { values: ['Paris', 'Prague'], total: 2, hasMore: false },
    });
    expect(await ask({ type: 'ref/prompt', name: 'p' }, 'other', '')).toEqual({
      completion: { values: [], total: 0, hasMore: false },
    });
    expect(await ask({ type: 'ref/resource', uri: 'repo://{owner}/{name}' }, 'owner', '')).toEqual({
      completion: { values: many.slice(0, 100), total: 150, hasMore: true },
    });
    expect(await ask({ type: 'ref/resource', uri: 'repo://{owner}/{name}' }, 'name', '')).toEqual({
      completion: { values: ['a'], total: 7, hasMore: true },
    });
  });

  test('stateless era and unknown references', async () => {
    expect(
      body(
        await result(server(), 'completion/complete', {
          ref: { type: 'ref/prompt', name: 'p' },
          argument: { name: 'lang', value: 'p' },
        }),
      ),
    ).toEqual({ completion: { values: ['py'], total: 1, hasMore: false } });
    expect(
      await failure(server(), 'completion/complete', {
        ref: { type: 'ref/prompt', name: 'x' },
        argument: { name: 'a', value: '' },
      }),
    ).toEqual({
      code: -32602,
      message: 'Unknown prompt: x',
    });
    expect(
      await failure(server(), 'completion/complete', {
        ref: { type: 'ref/resource', uri: 'x://{y}' },
        argument: { name: 'y', value: '' },
      }),
    ).toEqual({ code: -32602, message: 'Unknown resource template: x://{y}' });
  });
});
