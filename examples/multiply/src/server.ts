import { createServer } from '@mcpkit/server';
import { z } from 'zod';

export const server = createServer({ name: 'calculator', version: '1.0.0' }).tool(
  'multiply',
  {
    description: 'Multiply two numbers',
    input: z.object({ a: z.number(), b: z.number() }),
    output: z.number(),
  },
  ({ a, b }) => a * b,
);
