import { createClient } from '@mcpkit/client';
import { catalog } from './server.js';

const filters = [
  {},
  { includeTags: ['public'] },
  { excludeTags: ['deprecated'] },
  { includeTags: ['public'], excludeTags: ['deprecated'] },
];

for (const filter of filters) {
  const client = await createClient(catalog(filter));
  const names = (await client.listTools()).map((tool) => tool.name);
  console.log(`${JSON.stringify(filter)} lists: ${names.join(', ')}`);
  await client.close();
}

// A hidden tool cannot be called either.
const client = await createClient(catalog({ includeTags: ['public'] }));
try {
  await client.callTool('reindex');
} catch (error) {
  console.log(`calling reindex: ${(error as Error).message}`);
}
await client.close();
