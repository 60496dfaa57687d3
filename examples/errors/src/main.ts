import { createClient, ToolCallError, type ToolCallResult } from '@mcpkit/client';
import { server } from './server.js';

const text = (result: ToolCallResult) =>
  result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');

const client = await createClient<typeof server>(server);

const ok = await client.callTool('divide', { a: 10, b: 4 });
console.log(`divide(10, 4): isError=${ok.isError} data=${ok.data}`);

// Tool errors are results the model reads, not exceptions.
const zero = await client.callTool('divide', { a: 1, b: 0 });
console.log(`divide(1, 0): isError=${zero.isError} text=${text(zero)}`);

const masked = await client.callTool('balance', { account: 'ACME-1' });
console.log(`balance: isError=${masked.isError} text=${text(masked)}`);

// Or, when you would rather throw: `throwOnError: true`, or the `client.tools` functions.
try {
  await client.tools.divide({ a: 1, b: 0 });
} catch (error) {
  if (error instanceof ToolCallError) console.log(`ToolCallError: ${error.message}`);
}

await client.close();
