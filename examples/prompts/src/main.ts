import { createClient } from '@mcpkit/client';
import { server } from './server.js';

const client = await createClient<typeof server>(server);

const [prompt] = await client.listPrompts();
console.log(`${prompt?.name}: ${JSON.stringify(prompt?.arguments)}`);

// Typed arguments: `numbers` is a number[], `method` one of the enum values.
const result = await client.getPrompt('analyze_data', {
  dataset: 'sales-2025',
  numbers: [3, 5, 8],
  threshold: 4,
  method: 'median',
});
for (const message of result.messages) {
  if (message.content.type === 'text') console.log(`${message.role}: ${message.content.text}`);
}

const ref = { type: 'ref/prompt', name: 'analyze_data' } as const;
const datasets = await client.complete(ref, { name: 'dataset', value: 'sales' });
console.log(`complete dataset "sales": ${datasets.values.join(', ')}`);
const methods = await client.complete(ref, { name: 'method', value: 'me' });
console.log(`complete method "me": ${methods.values.join(', ')}`);

await client.close();
