import { CliError, type CliIo, type Command, UsageError } from '../command.js';
import { loadServer } from '../load-server.js';
import { type FlagSpec, parseFlags, portFlag, stringFlag } from '../parse-flags.js';
import { type Served, serve, type TransportName } from '../serve.js';
import { routeConsoleToStderr } from '../stdout-guard.js';

const TRANSPORTS: readonly TransportName[] = ['stdio', 'http', 'sse'];
const CLOSE_TIMEOUT_MS = 5_000;

const FLAGS: FlagSpec = {
  transport: { type: 'string', short: 't' },
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  path: { type: 'string' },
};

const HELP = `Usage: mcpkit run <file>[:export] [options]

Serve the server a module exports. TypeScript files load without a build step.
The server is the named export after ':', else the default export, else the only
exported server; a function in that place is called as a factory.

Options:
  -t, --transport <stdio|http|sse>  transport (default stdio; then stdout carries
                                    protocol only and every message goes to stderr)
      --host <host>                 interface for http/sse (default 127.0.0.1)
  -p, --port <port>                 port for http/sse (default 8000; 0 picks a free one)
      --path <path>                 endpoint path (default /mcp for http, /sse for sse)
  -h, --help                        show this help

Examples:
  mcpkit run src/server.ts
  mcpkit run src/server.ts:server --transport http --port 3000
`;

/** `mcpkit run`: import a server definition and serve it until stopped. */
export const runCommand: Command = {
  name: 'run',
  summary: 'serve a server module over stdio, HTTP or SSE',
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags('run', argv, FLAGS);
    if (flags.values.help) {
      io.out(HELP);
      return 0;
    }
    const [spec, ...extra] = flags.positionals;
    if (spec === undefined)
      throw new UsageError('mcpkit run: missing <file> (see mcpkit run --help)');
    if (extra.length > 0) throw new UsageError(`mcpkit run: unexpected argument ${extra[0]}`);
    const transport = (stringFlag(flags, 'transport') ?? 'stdio') as TransportName;
    if (!TRANSPORTS.includes(transport)) {
      throw new UsageError(`mcpkit run: --transport must be stdio, http or sse, got ${transport}`);
    }
    const host = stringFlag(flags, 'host') ?? '127.0.0.1';
    const port = portFlag('run', stringFlag(flags, 'port'), 8000);
    const path = stringFlag(flags, 'path');

    if (transport === 'stdio') routeConsoleToStderr();
    const { server } = await loadServer(spec);
    const served = await serve(server, { transport, host, port, path }).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'EADDRINUSE') {
        throw new CliError(`port ${port} is in use; pass --port`);
      }
      throw error;
    });
    const name = (server as { name?: unknown }).name;
    const label = typeof name === 'string' ? `${name} ` : '';
    io.err(`mcpkit: serving ${label}over ${transport}${served.url ? ` at ${served.url}` : ''}\n`);
    await untilStopped(transport === 'stdio');
    await closeWithin(served, io);
    return 0;
  },
};

/** Resolves on SIGINT/SIGTERM, or (stdio) when stdin ends; a second signal exits at once. */
function untilStopped(stdio: boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdin.off('end', stop);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (stdio) process.stdin.on('end', stop);
  });
}

async function closeWithin(served: Served, io: CliIo): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS);
  });
  const outcome = await Promise.race([served.close().then(() => 'closed' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout')
    io.err(`mcpkit: the server did not close within ${CLOSE_TIMEOUT_MS} ms\n`);
}
