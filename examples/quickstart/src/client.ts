import { createClient } from '@mcpkit/client';
import type { server } from './server.js';

const url = process.env.MCP_URL ?? 'http://127.0.0.1:8000/mcp';

// `import type` keeps the server's code out of the client; only its types flow here.
const client = await createClient<typeof server>(url);
console.log(`Connected: ${!client.closed}`);

const tools = await client.listTools();
console.log(`Tools: ${tools.map((tool) => tool.name).join(', ')}`);

const result = await client.callTool('greet', { name: 'mcpkit' });
const first = result.content[0];
console.log(first?.type === 'text' ? first.text : JSON.stringify(result.content));

await client.close();
console.log('Disconnected');
