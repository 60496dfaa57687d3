// The bare-Node floor: no framework, no validation, no sessions. A newline-JSON loop on
// stdin/stdout, or a node:http server that parses each body and answers JSON. It answers the
// same three tools (and initialize), so the driver's workload runs unchanged against it: the
// least a Node process must spend to read, parse, answer and write one call.
import { createServer as createHttpServer } from 'node:http';
import { bigText, MCP_PATH, serverArgs } from './workload.js';

interface Request {
  id?: string | number;
  method?: string;
  params?: { name?: string; arguments?: Record<string, unknown> };
}

function result(req: Request): unknown {
  if (req.method === 'initialize') {
    return {
      protocolVersion: '2025-11-25',
      capabilities: { tools: {} },
      serverInfo: { name: 'bench-floor', version: '1.0.0' },
    };
  }
  const args = req.params?.arguments ?? {};
  switch (req.params?.name) {
    case 'echo':
      return { content: [{ type: 'text', text: String(args.text) }] };
    case 'add':
      return { content: [{ type: 'text', text: String(Number(args.a) + Number(args.b)) }] };
    case 'big':
      return { content: [{ type: 'text', text: bigText(Number(args.kb)) }] };
    default:
      return { content: [], isError: true };
  }
}

const answer = (req: Request): string =>
  JSON.stringify({ jsonrpc: '2.0', id: req.id, result: result(req) });

const { transport, port } = serverArgs();

if (transport === 'stdio') {
  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buffered += chunk;
    let nl = buffered.indexOf('\n');
    while (nl !== -1) {
      const req = JSON.parse(buffered.slice(0, nl)) as Request;
      buffered = buffered.slice(nl + 1);
      // One write per answer, as a plain loop does (no coalescing across messages).
      if (req.id !== undefined) process.stdout.write(`${answer(req)}\n`);
      nl = buffered.indexOf('\n');
    }
  });
} else {
  createHttpServer((req, res) => {
    if (req.url !== MCP_PATH) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request;
      if (message.id === undefined) {
        res.writeHead(202).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer(message));
    });
  }).listen(port, '127.0.0.1');
}
