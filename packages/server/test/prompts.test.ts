import {
  assistant,
  createServer,
  embeddedResource,
  Image,
  PromptError,
  user,
} from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { body, failure, initialized, result } from './helpers.js';

const server = () =>
  createServer({ name: 's', version: '1' })
    .prompt('plain', { description: 'Says hi' }, () => 'hi')
    .prompt(
      'typed',
      {
        title: 'Typed',
        args: z.object({
          code: z.string().describe('the code'),
          lines: z.number().int(),
          strict: z.boolean().optional(),
          tags: z.array(z.string()).optional(),
        }),
      },
      ({ code, lines, strict, tags }) =>
        `${code}:${lines + 1}:${strict ?? 'unset'}:${(tags ?? []).join('+')}`,
    )
    .prompt('messages', {}, () => [user('question'), assistant('answer'), 'follow-up'])
    .prompt('rich', {}, () => [
      user(Image.fromBytes(new Uint8Array([1]), 'image/png')),
      user(embeddedResource({ uri: 'r://a', mimeType: 'text/plain', text: 'a' })),
    ])
    .prompt('full', {}, () => ({
      description: 'custom',
      messages: [{ role: 'assistant', content: { type: 'text', text: 'x' } }],
    }));

describe('prompts', () => {
  test('prompts/list describes arguments from the schema', async () => {
    await using c = await initialized(server());
    expect(await c.client.request('prompts/list')).toEqual({
      prompts: [
        { name: 'plain', description: 'Says hi' },
        {
          name: 'typed',
          title: 'Typed',
          arguments: [
            { name: 'code', description: 'the code', required: true },
            { name: 'lines', required: true },
            { name: 'strict' },
            { name: 'tags' },
          ],
        },
        { name: 'messages' },
        { name: 'rich' },
        { name: 'full' },
      ],
    });
  });

  const gets: [string, Record<string, string>, unknown][] = [
    [
      'plain',
      {},
      {
        description: 'Says hi',
        messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
      },
    ],
    [
      'typed',
      { code: 'x', lines: '2', strict: 'true', tags: '["a","b"]' },
      { messages: [{ role: 'user', content: { type: 'text', text: 'x:3:true:a+b' } }] },
    ],
    [
      'messages',
      {},
      {
        messages: [
          { role: 'user', content: { type: 'text', text: 'question' } },
          { role: 'assistant', content: { type: 'text', text: 'answer' } },
          { role: 'user', content: { type: 'text', text: 'follow-up' } },
        ],
      },
    ],
    [
      'rich',
      {},
      {
        messages: [
          { role: 'user', content: { type: 'image', data: 'AQ==', mimeType: 'image/png' } },
          {
            role: 'user',
            content: {
              type: 'resource',
              resource: { uri: 'r://a', mimeType: 'text/plain', text: 'a' },
            },
          },
        ],
      },
    ],
    [
      'full',
      {},
      {
        description: 'custom',
        messages: [{ role: 'assistant', content: { type: 'text', text: 'x' } }],
      },
    ],
  ];

  test.each(gets)('handshake era: get %s', async (name, args, expected) => {
    await using c = await initialized(server());
    expect(await c.client.request('prompts/get', { name, arguments: args })).toEqual(expected);
  });

  test.each(gets)('stateless era: get %s', async (name, args, expected) => {
    expect(body(await result(server(), 'prompts/get', { name, arguments: args }))).toEqual(
      expected,
    );
  });

  test('unknown prompts and invalid arguments answer -32602', async () => {
    expect(await failure(server(), 'prompts/get', { name: 'nope' })).toEqual({
      code: -32602,
      message: 'Unknown prompt: nope',
    });
    expect(
      await failure(server(), 'prompts/get', {
        name: 'typed',
        arguments: { code: 'x', lines: 'two' },
      }),
    ).toEqual({
      code: -32602,
      message:
        'Invalid arguments for prompt typed: Invalid input: lines: expected number, received string',
    });
  });

  describe('errors', () => {
    afterEach(() => vi.restoreAllMocks());
    test('PromptError messages reach the client; others are masked with maskErrorDetails', async () => {
      const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
      const s = createServer({ name: 's', version: '1', maskErrorDetails: true })
        .prompt('known', {}, () => {
          throw new PromptError('No such template', { data: { hint: 1 } });
        })
        .prompt('bug', {}, () => {
          throw new Error('secret');
        });
      expect(await failure(s, 'prompts/get', { name: 'known' })).toEqual({
        code: -32603,
        message: 'No such template',
        data: { hint: 1 },
      });
      expect(await failure(s, 'prompts/get', { name: 'bug' })).toEqual({
        code: -32603,
        message: 'Error getting prompt bug',
      });
      expect(stderr).toHaveBeenCalledWith(
        'mcpkit: getting prompt bug failed:',
        new Error('secret'),
      );
    });
  });
});
