import { createClient } from '@mcpkit/client';
import { server } from './server.js';

const client = await createClient<typeof server>(server);

const [tool] = await client.listTools();
console.log('inputSchema:');
console.log(JSON.stringify(tool?.inputSchema, null, 2));

const ok = await client.callTool('process_image', {
  image_url: 'https://example.com/cat.png',
  resize: true,
  width: 640,
  format: 'webp',
});
console.log(`valid call: ${ok.data}`);

// What the model reads when it gets an argument wrong: an error result, not an exception.
const bad = await client.callTool('process_image', {
  image_url: 'https://example.com/cat.png',
  width: 5000,
  // @ts-expect-error 'gif' is not one of the enum's values
  format: 'gif',
});
const [block] = bad.content;
console.log(`invalid call: isError=${bad.isError}`);
console.log(block?.type === 'text' ? block.text : '');

await client.close();
