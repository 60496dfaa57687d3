import { createServer, resourceResult } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { body, failure, initialized, result } from './helpers.js';

const server = () =>
  createServer({ name: 's', version: '1' })
    .resource('text://a', { name: 'A', description: 'text', tags: ['x'] }, () => 'hello')
    .resource('json://config', { mimeType: 'application/json' }, () => ({ theme: 'dark' }))
    .resource('bin://b', { mimeType: 'image/png', size: 3 }, () => new Uint8Array([1, 2, 3]))
    .resource('md://doc', { mimeType: 'text/markdown' }, (input) => `# ${input.uri}`)
    .resource('multi://dir', {}, (_input, ctx) =>
      resourceResult([
        { uri: `${ctx.uri}/a`, text: 'a' },
        { uri: `${ctx.uri}/b`, blob: 'AA==' },
      ]),
    )
    .resourceTemplate(
      'users://{id}/profile',
      {
        name: 'profile',
        params: z.object({ id: z.coerce.number().int() }),
        list: () => [{ uri: 'users://1/profile', name: 'Ada' }],
      },
      ({ id }, ctx) => ({ id, uri: ctx.uri }),
    )
    .resourceTemplate('files://root{/path*}', { mimeType: 'text/plain' }, ({ path }) =>
      path.join('|'),
    );

describe('resources', () => {
  test('resources/list includes template list callbacks; templates/list shows templates', async () => {
    await using c = await initialized(server());
    expect(await c.client.request('resources/list')).toEqual({
      resources: [
        { uri: 'text://a', name: 'A', description: 'text' },
        { uri: 'json://config', name: 'json://config', mimeType: 'application/json' },
        { uri: 'bin://b', name: 'bin://b', mimeType: 'image/png', size: 3 },
        { uri: 'md://doc', name: 'md://doc', mimeType: 'text/markdown' },
        { uri: 'multi://dir', name: 'multi://dir' },
        { uri: 'users://1/profile', name: 'Ada' },
      ],
    });
    expect(await c.client.request('resources/templates/list')).toEqual({
      resourceTemplates: [
        { uriTemplate: 'users://{id}/profile', name: 'profile' },
        {
          uriTemplate: 'files://root{/path*}',
          name: 'files://root{/path*}',
          mimeType: 'text/plain',
        },
      ],
    });
  });

  const reads: [string, unknown][] = [
    ['text://a', [{ uri: 'text://a', mimeType: 'text/plain', text: 'hello' }]],
    [
      'json://config',
      [{ uri: 'json://config', mimeType: 'application/json', text: '{"theme":"dark"}' }],
    ],
    ['bin://b', [{ uri: 'bin://b', mimeType: 'image/png', blob: 'AQID' }]],
    ['md://doc', [{ uri: 'md://doc', mimeType: 'text/markdown', text: '# md://doc' }]],
    [
      'multi://dir',
      [
        { uri: 'multi://dir/a', text: 'a' },
        { uri: 'multi://dir/b', blob: 'AA==' },
      ],
    ],
    [
      'users://42/profile',
      [
        {
          uri: 'users://42/profile',
          mimeType: 'application/json',
          text: '{"id":42,"uri":"users://42/profile"}',
        },
      ],
    ],
    ['files://root/a/b/c', [{ uri: 'files://root/a/b/c', mimeType: 'text/plain', text: 'a|b|c' }]],
  ];

  test.each(reads)('handshake era: read %s', async (uri, contents) => {
    await using c = await initialized(server());
    expect(await c.client.request('resources/read', { uri })).toEqual({ contents });
  });

  test.each(reads)('stateless era: read %s', async (uri, contents) => {
    expect(body(await result(server(), 'resources/read', { uri }))).toEqual({ contents });
  });

  test('unknown resource: -32002 in the handshake era, -32602 in the stateless era, both with data.uri', async () => {
    await using c = await initialized(server());
    await expect(c.client.request('resources/read', { uri: 'nope://x' })).rejects.toMatchObject({
      code: -32002,
      message: 'Resource not found: nope://x',
      data: { uri: 'nope://x' },
    });
    expect(
      await failure(server(), 'resources/read', {
        uri: 'test://nonexistent-resource-for-conformance-testing',
      }),
    ).toEqual({
      code: -32602,
      message: 'Resource not found: test://nonexistent-resource-for-conformance-testing',
      data: { uri: 'test://nonexistent-resource-for-conformance-testing' },
    });
  });

  test('template params that fail their schema answer -32602', async () => {
    expect(await failure(server(), 'resources/read', { uri: 'users://abc/profile' })).toEqual({
      code: -32602,
      message:
        'Invalid URI users://abc/profile for users://{id}/profile: Invalid input: id: expected number, received NaN',
      data: { uri: 'users://abc/profile' },
    });
  });
});
