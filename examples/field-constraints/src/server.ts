import { createServer } from '@mcpkit/server';
import { z } from 'zod';

export const server = createServer({ name: 'images', version: '1.0.0' }).tool(
  'process_image',
  {
    description: 'Resize and convert an image',
    input: z.object({
      image_url: z.url().describe('URL of the image to process'),
      resize: z.boolean().default(false).describe('Whether to resize the image'),
      width: z.int().min(1).max(2000).default(800).describe('Target width in pixels'),
      format: z.enum(['jpeg', 'png', 'webp']).default('jpeg').describe('Output image format'),
    }),
  },
  // Defaults are applied before the handler runs: every field is set here.
  ({ image_url, resize, width, format }) =>
    `${image_url} -> ${format}${resize ? `, ${width} px wide` : ''}`,
);
