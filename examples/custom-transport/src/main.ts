import { connect, createServer as createTcpServer } from 'node:net';
import { createClient } from '@mcpkit/client';
import { createServer } from '@mcpkit/server';
import { z } from 'zod';
import { socketTransport } from './socket-transport.js';

const server = createServer({ name: 'tcp-demo', version: '1.0.0' }).tool(
  'shout',
  { input: z.object({ text: z.string() }) },
  ({ text }) => `${text.toUpperCase()}!`,
);

// Every accepted socket becomes one connection of the same server definition.
const listener = createTcpServer((socket) => void server.connect(socketTransport(socket)));
await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
const { port } = listener.address() as { port: number };

// The same transport carries both protocol eras.
for (const mode of ['stateless', 'handshake'] as const) {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  const client = await createClient<typeof server>(socketTransport(socket), { mode });
  const { text } = await client.callTool('shout', { text: `hello over tcp, ${mode} era` });
  console.log(`${client.era} (${client.protocolVersion}): ${text}`);
  await client.close();
}

await server.close();
listener.close();
