import { createClient } from '@mcpkit/client';
import { server } from './server.js';

// The handshake era learns these from `initialize`, the stateless era from `server/discover`.
for (const mode of ['handshake', 'stateless'] as const) {
  const client = await createClient(server, { mode });
  console.log(`${client.era} era (${client.protocolVersion}):`);
  console.log(`  serverInfo: ${JSON.stringify(client.serverInfo)}`);
  console.log(`  instructions: ${client.instructions}`);
  await client.close();
}
