import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { server } from '../src/server.js';

test('pnpm start lists, reads and shows the two refused reads', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect({ stdout, stderr }).toEqual({
    stdout: [
      'resource: data://config (config)',
      "resource: users://1/profile (Ada Lovelace's profile)",
      "resource: users://2/profile (Alan Turing's profile)",
      'template: users://{user_id}/profile',
      'data://config (application/json): {"theme":"dark","version":"1.2.0","features":["tools","resources"]}',
      'users://2/profile (application/json): {"id":2,"name":"Alan Turing","role":"user"}',
      'users://abc/profile -> error: Invalid URI users://abc/profile for users://{user_id}/profile: Invalid input: user_id: expected number, received NaN',
      'users://9/profile -> error: No user with id 9',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test.each(['handshake', 'stateless'] as const)(
  '%s era: the template reads a typed id',
  async (mode) => {
    const client = await createClient<typeof server>(server, { mode });
    try {
      const { contents } = await client.readResource('users://1/profile');
      expect(contents).toEqual([
        {
          uri: 'users://1/profile',
          mimeType: 'application/json',
          text: '{"id":1,"name":"Ada Lovelace","role":"admin"}',
        },
      ]);
      await expect(client.readResource('users://9/profile')).rejects.toMatchObject({
        message: 'No user with id 9',
      });
    } finally {
      await client.close();
    }
  },
);
