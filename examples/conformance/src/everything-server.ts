/**
 * `pnpm conformance:server --port <P>`: serves the everything-server on
 * http://127.0.0.1:<P>/mcp (Streamable HTTP, both eras, DNS-rebinding protection on) until killed.
 */
import { parseArgs } from 'node:util';
import { serveHttp } from '@mcpkit/http/node';
import { createEverythingServer } from './fixture/everything.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3000' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

const server = createEverythingServer();
const http = await serveHttp(server, { host: '127.0.0.1', port, path: '/mcp' });
console.log(`everything-server listening on ${http.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([http.close(), server.close()]).finally(() => process.exit(0));
  });
}
