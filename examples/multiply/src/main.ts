import { createClient } from '@mcpkit/client';
import { server } from './server.js';

// Passing the server object connects in memory: no process, no socket.
const client = await createClient<typeof server>(server);

const [tool] = await client.listTools();
console.log(`${tool?.name}: ${JSON.stringify(tool?.inputSchema)}`);

// `a` and `b` are checked as numbers at compile time; `result.data` is typed `number`.
const result = await client.callTool('multiply', { a: 6, b: 7 }, { throwOnError: true });
console.log(`multiply(6, 7) = ${result.data}`);
console.log(`structuredContent: ${JSON.stringify(result.structuredContent)}`);

// The same call as a function.
console.log(`tools.multiply({ a: 2.5, b: 4 }) = ${await client.tools.multiply({ a: 2.5, b: 4 })}`);

await client.close();
