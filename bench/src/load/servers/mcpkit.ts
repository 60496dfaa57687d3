// mcpkit's server program: createServer() with the three tools, served as a user would serve it.
import { serveHttp } from '@mcpkit/http/node';
import { createServer } from '@mcpkit/server';
import { serveStdio } from '@mcpkit/stdio';
import { z } from 'zod';
import { bigText, MCP_PATH, serverArgs } from './workload.js';

const { transport, port } = serverArgs();

const server = createServer({ name: 'bench-mcpkit', version: '1.0.0' })
  .tool('echo', { input: z.object({ text: z.string() }) }, ({ text }) => text)
  .tool('add', { input: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => String(a + b))
  .tool('big', { input: z.object({ kb: z.number() }) }, ({ kb }) => bigText(kb));

if (transport === 'stdio') {
  await serveStdio(server);
} else {
  // One handler serves the 2025 wire with sessions and the 2026 wire per request; the
  // stateless row asks for sessionless serving of 2025 clients. The session cap is raised
  // so the idle-session measurement (1 000 sessions) fits next to the working one.
  await serveHttp(server, {
    port,
    path: MCP_PATH,
    sessions: transport === 'http-stateless' ? 'stateless' : 'stateful',
    maxSessions: 10_000,
  });
}
