import { createClient } from '@mcpkit/client';
import { server } from './server.js';

for (const mode of ['handshake', 'stateless'] as const) {
  const client = await createClient<typeof server>(server, {
    mode,
    logLevel: 'info',
    handlers: {
      log: ({ level, data }) => console.log(`  log ${level}: ${data}`),
      // Stands in for an LLM call.
      sampling: ({ messages }) => {
        // A message's content is one block or an array of blocks.
        const blocks = messages.flatMap((message) => [message.content].flat());
        const prompt = blocks.map((block) => (block.type === 'text' ? block.text : '')).join('');
        console.log(`  sampling asked: ${prompt}`);
        return {
          role: 'assistant',
          model: 'fake-llm',
          content: { type: 'text', text: 'Typed clients and a stateless era' },
        };
      },
      // Stands in for a form shown to the user.
      elicitation: (params) => {
        console.log(`  elicitation asked: ${params.message}`);
        return { action: 'accept', content: { channel: 'blog' } };
      },
    },
  });
  console.log(`${client.era} era:`);
  const result = await client.callTool(
    'publish_summary',
    {},
    {
      onProgress: ({ progress, total, message }) =>
        console.log(`  progress ${progress}/${total} ${message}`),
    },
  );
  console.log(`  result: ${result.data}`);
  await client.close();
}
