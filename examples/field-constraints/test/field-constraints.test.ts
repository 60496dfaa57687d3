import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { server } from '../src/server.js';

// Key order as the server sends it (zod's JSON Schema), so the printed form matches too.
const inputSchema = {
  type: 'object',
  properties: {
    image_url: { type: 'string', format: 'uri', description: 'URL of the image to process' },
    resize: { default: false, description: 'Whether to resize the image', type: 'boolean' },
    width: {
      default: 800,
      description: 'Target width in pixels',
      type: 'integer',
      minimum: 1,
      maximum: 2000,
    },
    format: {
      default: 'jpeg',
      description: 'Output image format',
      type: 'string',
      enum: ['jpeg', 'png', 'webp'],
    },
  },
  required: ['image_url'],
};

const invalid =
  'Invalid arguments for tool process_image: Invalid input: width: Too big: expected number to be <=2000; format: Invalid option: expected one of "jpeg"|"png"|"webp"';

test('pnpm start prints the schema, a valid call and the invalid call’s error', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect({ stdout, stderr }).toEqual({
    stdout: [
      'inputSchema:',
      JSON.stringify(inputSchema, null, 2),
      'valid call: https://example.com/cat.png -> webp, 640 px wide',
      'invalid call: isError=true',
      invalid,
      '',
    ].join('\n'),
    stderr: '',
  });
});

test.each(['handshake', 'stateless'] as const)(
  '%s era: schema, defaults and bounds',
  async (mode) => {
    const client = await createClient<typeof server>(server, { mode });
    try {
      expect(await client.listTools()).toEqual([
        { name: 'process_image', description: 'Resize and convert an image', inputSchema },
      ]);
      const defaults = await client.callTool('process_image', {
        image_url: 'https://example.com/a.jpg',
        resize: true,
      });
      expect(defaults.data).toBe('https://example.com/a.jpg -> jpeg, 800 px wide');
      const tooSmall = await client.callTool('process_image', {
        image_url: 'not a url',
        width: 0,
      });
      expect(tooSmall.content).toEqual([
        {
          type: 'text',
          text: 'Invalid arguments for tool process_image: Invalid input: image_url: Invalid URL; width: Too small: expected number to be >=1',
        },
      ]);
    } finally {
      await client.close();
    }
  },
);
