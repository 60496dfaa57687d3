import type { Client } from '@mcpkit/client';
import {
  createProxy,
  createServer,
  type InferPrompts,
  type InferResources,
  type InferToolInput,
  type InferToolOutput,
  type InferTools,
} from '@mcpkit/server';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';

const weather = createServer({ name: 'weather', version: '1' })
  .tool(
    'forecast',
    { input: z.object({ city: z.string() }), output: z.object({ sky: z.string() }) },
    ({ city }) => ({ sky: city }),
  )
  .resource('weather://cities', {}, () => ['Oslo'])
  .resourceTemplate('weather://city/{name}', {}, ({ name }) => name)
  .prompt('ask', { args: z.object({ city: z.string() }) }, ({ city }) => city);

describe('mount() and import() types', () => {
  test('prefixed names, URIs and templates; own components kept', () => {
    const main = createServer({ name: 'main', version: '1' })
      .tool('own', {}, () => 1)
      .mount(weather, { prefix: 'w' });
    expectTypeOf<keyof InferTools<typeof main>>().toEqualTypeOf<'own' | 'w_forecast'>();
    expectTypeOf<InferToolInput<typeof main, 'w_forecast'>>().toEqualTypeOf<{ city: string }>();
    expectTypeOf<InferToolOutput<typeof main, 'w_forecast'>>().toEqualTypeOf<{ sky: string }>();
    expectTypeOf<keyof InferPrompts<typeof main>>().toEqualTypeOf<'w_ask'>();
    expectTypeOf<keyof InferResources<typeof main>>().toEqualTypeOf<
      'weather://w/cities' | 'weather://w/city/{name}'
    >();
  });

  test('no prefix keeps names; nested prefixes compose; import types like mount', () => {
    const flat = createServer({ name: 'm', version: '1' }).mount(weather);
    expectTypeOf<keyof InferTools<typeof flat>>().toEqualTypeOf<'forecast'>();
    const mid = createServer({ name: 'mid', version: '1' }).mount(weather, { prefix: 'b' });
    const top = createServer({ name: 'top', version: '1' }).import(mid, { prefix: 'a' });
    expectTypeOf<keyof InferTools<typeof top>>().toEqualTypeOf<'a_b_forecast'>();
    expectTypeOf<keyof InferResources<typeof top>>().toEqualTypeOf<
      'weather://a/b/cities' | 'weather://a/b/city/{name}'
    >();
  });

  test('a typed client sees mounted tools', () => {
    const main = createServer({ name: 'main', version: '1' }).mount(weather, { prefix: 'w' });
    type C = Client<typeof main>;
    expectTypeOf<Parameters<C['tools']['w_forecast']>[0]>().toEqualTypeOf<{ city: string }>();
    expectTypeOf<ReturnType<C['tools']['w_forecast']>>().toEqualTypeOf<Promise<{ sky: string }>>();
  });
});

describe('createProxy() types', () => {
  test('untyped: any name under the mount prefix; typed from a definition when given', () => {
    const loose = createServer({ name: 'm', version: '1' }).mount(createProxy('http://x/mcp'), {
      prefix: 'gh',
    });
    expectTypeOf<'gh_search'>().toExtend<keyof InferTools<typeof loose>>();
    const typed = createProxy<typeof weather>('node weather.js');
    expectTypeOf<keyof InferTools<typeof typed>>().toEqualTypeOf<'forecast'>();
  });
});

describe('transformTool() types', () => {
  const search = createServer({ name: 's', version: '1' }).tool(
    'search',
    { input: z.object({ q: z.string(), limit: z.number(), key: z.string() }) },
    ({ q }) => q,
  );

  test('renamed, defaulted and hidden arguments; a new name added beside the original', () => {
    const s = search.transformTool('search', {
      name: 'find',
      args: { q: { name: 'query' }, limit: { default: 10 }, key: { hide: true, value: 'k' } },
    });
    expectTypeOf<keyof InferTools<typeof s>>().toEqualTypeOf<'search' | 'find'>();
    expectTypeOf<InferToolInput<typeof s, 'find'>>().toEqualTypeOf<{
      query: string;
      limit?: number;
    }>();
  });

  test('a tool the types do not know (added at runtime) takes any arguments', () => {
    const s = search.transformTool('later', { name: 'l2', args: { anything: { name: 'x' } } });
    expectTypeOf<InferToolInput<typeof s, 'l2'>>().toEqualTypeOf<{ [x: string]: unknown }>();
  });

  test('hideOriginal drops the original; the same name replaces it', () => {
    const hidden = search.transformTool('search', { name: 'find', hideOriginal: true });
    expectTypeOf<keyof InferTools<typeof hidden>>().toEqualTypeOf<'find'>();
    const same = search.transformTool('search', { args: { key: { hide: true, value: 'k' } } });
    expectTypeOf<keyof InferTools<typeof same>>().toEqualTypeOf<'search'>();
    expectTypeOf<InferToolInput<typeof same, 'search'>>().toEqualTypeOf<{
      q: string;
      limit: number;
    }>();
    // @ts-expect-error: only the original's arguments can be transformed
    search.transformTool('search', { args: { nope: { name: 'x' } } });
  });
});
