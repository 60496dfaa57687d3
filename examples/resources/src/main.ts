import { createClient } from '@mcpkit/client';
import { server } from './server.js';

const client = await createClient<typeof server>(server);

for (const resource of await client.listResources()) {
  console.log(`resource: ${resource.uri} (${resource.name})`);
}
for (const template of await client.listResourceTemplates()) {
  console.log(`template: ${template.uriTemplate}`);
}

for (const uri of ['data://config', 'users://2/profile']) {
  const { contents } = await client.readResource(uri);
  const [first] = contents;
  if (first && 'text' in first) console.log(`${uri} (${first.mimeType}): ${first.text}`);
}

for (const uri of ['users://abc/profile', 'users://9/profile']) {
  try {
    await client.readResource(uri);
  } catch (error) {
    console.log(`${uri} -> error: ${(error as Error).message}`);
  }
}

await client.close();
