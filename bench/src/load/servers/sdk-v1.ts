// The official SDK v1 (@modelcontextprotocol/sdk) server program, wired as v1's documentation
// shows: StdioServerTransport; Streamable HTTP with a session map and one McpServer per
// session; stateless HTTP with a fresh McpServer and transport per request.
import { randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { bigText, MCP_PATH, serverArgs } from './workload.js';

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });

function createV1Server(): McpServer {
  const server = new McpServer({ name: 'bench-sdk-v1', version: '1.0.0' });
  server.registerTool('echo', { inputSchema: { text: z.string() } }, ({ text: t }) => text(t));
  server.registerTool('add', { inputSchema: { a: z.number(), b: z.number() } }, ({ a, b }) =>
    text(String(a + b)),
  );
  server.registerTool('big', { inputSchema: { kb: z.number() } }, ({ kb }) => text(bigText(kb)));
  return server;
}

const { transport, port } = serverArgs();

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Not Found"}}');
}

async function stateful(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: Map<string, StreamableHTTPServerTransport>,
) {
  const id = req.headers['mcp-session-id'];
  let session = typeof id === 'string' ? sessions.get(id) : undefined;
  if (!session && id === undefined && req.method === 'POST') {
    const created = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, created),
    });
    created.onclose = () => {
      if (created.sessionId) sessions.delete(created.sessionId);
    };
    await createV1Server().connect(created);
    session = created;
  }
  if (!session) return notFound(res);
  await session.handleRequest(req, res);
}

async function stateless(req: IncomingMessage, res: ServerResponse) {
  const server = createV1Server();
  const perRequest = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void perRequest.close();
    void server.close();
  });
  await server.connect(perRequest);
  await perRequest.handleRequest(req, res);
}

if (transport === 'stdio') {
  await createV1Server().connect(new StdioServerTransport());
} else if (transport === 'http-2026') {
  throw new Error('SDK v1 does not speak the 2026-07-28 wire');
} else {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http = createHttpServer((req, res) => {
    if (req.url !== MCP_PATH) return notFound(res);
    const served =
      transport === 'http-stateful' ? stateful(req, res, sessions) : stateless(req, res);
    served.catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  http.listen(port, '127.0.0.1');
}
