import { createServer, ResourceError } from '@mcpkit/server';
import { z } from 'zod';

const users = new Map([
  [1, { name: 'Ada Lovelace', role: 'admin' }],
  [2, { name: 'Alan Turing', role: 'user' }],
]);

export const server = createServer({ name: 'directory', version: '1.0.0' })
  // A static resource: any non-string, non-bytes return value is sent as JSON.
  .resource(
    'data://config',
    { name: 'config', description: 'Application configuration', mimeType: 'application/json' },
    () => ({ theme: 'dark', version: '1.2.0', features: ['tools', 'resources'] }),
  )
  // A template: `params` turns the URI's string variables into typed values.
  .resourceTemplate(
    'users://{user_id}/profile',
    {
      description: 'A user profile',
      mimeType: 'application/json',
      params: z.object({ user_id: z.coerce.number().int().positive() }),
      // The concrete resources of this template, shown by resources/list.
      list: () =>
        [...users].map(([id, user]) => ({
          uri: `users://${id}/profile`,
          name: `${user.name}'s profile`,
          mimeType: 'application/json',
        })),
    },
    ({ user_id }) => {
      const user = users.get(user_id); // user_id is a number here
      if (!user) throw new ResourceError(`No user with id ${user_id}`);
      return { id: user_id, ...user };
    },
  );
