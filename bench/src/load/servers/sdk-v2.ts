// The official SDK v2 (@modelcontextprotocol/server 2.x) server program, wired as v2's
// documentation shows: serveStdio(factory); stateful Streamable HTTP with
// NodeStreamableHTTPServerTransport, a session map and one McpServer per session;
// createMcpHandler(factory) for stateless serving (2026-07-28 per request, 2025 fallback).
import { randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { NodeStreamableHTTPServerTransport, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';
import { bigText, MCP_PATH, serverArgs } from './workload.js';

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });

function createV2Server(): McpServer {
  const server = new McpServer({ name: 'bench-sdk-v2', version: '2.0.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text: t }) =>
    text(t),
  );
  server.registerTool(
    'add',
    { inputSchema: z.object({ a: z.number(), b: z.number() }) },
    ({ a, b }) => text(String(a + b)),
  );
  server.registerTool('big', { inputSchema: z.object({ kb: z.number() }) }, ({ kb }) =>
    text(bigText(kb)),
  );
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
  sessions: Map<string, NodeStreamableHTTPServerTransport>,
) {
  const id = req.headers['mcp-session-id'];
  let session = typeof id === 'string' ? sessions.get(id) : undefined;
  if (!session && id === undefined && req.method === 'POST') {
    const created = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, created),
    });
    created.onclose = () => {
      if (created.sessionId) sessions.delete(created.sessionId);
    };
    await createV2Server().connect(created);
    session = created;
  }
  if (!session) return notFound(res);
  await session.handleRequest(req, res);
}

if (transport === 'stdio') {
  serveStdio(() => createV2Server());
} else {
  const sessions = new Map<string, NodeStreamableHTTPServerTransport>();
  const handler =
    transport === 'http-stateful'
      ? undefined
      : toNodeHandler(createMcpHandler(() => createV2Server()));
  const http = createHttpServer((req, res) => {
    if (req.url !== MCP_PATH) return notFound(res);
    const served = handler ? handler(req, res) : stateful(req, res, sessions);
    Promise.resolve(served).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  http.listen(port, '127.0.0.1');
}
