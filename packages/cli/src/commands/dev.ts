import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild } from '../child-process.js';
import { CliError, type CliIo, type Command, UsageError } from '../command.js';
import { DevServer } from '../dev-server.js';
import { INSPECTOR_MIN_NODE, inspectorCommand } from '../inspector.js';
import { parseServerSpec } from '../load-server.js';
import { parseFlags, portFlag, stringFlag } from '../parse-flags.js';
import { selfCommand } from '../self-command.js';
import { watchDirectory } from '../watch.js';

const HELP = `Usage: mcpkit dev <file>[:export] [options]

Serve a server module over Streamable HTTP, restart it when a file in its directory
changes, and open the MCP Inspector on it.

The Inspector (@modelcontextprotocol/inspector 2.x) needs Node >= ${INSPECTOR_MIN_NODE.join('.')}; it is
fetched on demand with npx, together with Node 22 when this Node is older.

Options:
  -p, --port <port>   server port (default 8000; kept across restarts)
      --host <host>   server interface (default 127.0.0.1)
      --path <path>   endpoint path (default /mcp)
      --no-inspector  serve and reload only
  -h, --help          show this help
`;

/** `mcpkit dev`: serve with reload, plus the Inspector. */
export const devCommand: Command = {
  name: 'dev',
  summary: 'serve over HTTP with reload on change, and open the MCP Inspector',
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags('dev', argv, {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      path: { type: 'string' },
      'no-inspector': { type: 'boolean' },
    });
    if (flags.values.help) {
      io.out(HELP);
      return 0;
    }
    const [spec, ...extra] = flags.positionals;
    if (spec === undefined)
      throw new UsageError('mcpkit dev: missing <file> (see mcpkit dev --help)');
    if (extra.length > 0) throw new UsageError(`mcpkit dev: unexpected argument ${extra[0]}`);
    const parsed = parseServerSpec(spec);
    if (!existsSync(parsed.file)) throw new CliError(`file not found: ${parsed.file}`);
    const port = portFlag('dev', stringFlag(flags, 'port'), 8000);
    const host = stringFlag(flags, 'host') ?? '127.0.0.1';
    const path = stringFlag(flags, 'path');
    const withInspector = flags.values['no-inspector'] !== true;

    const target = parsed.exportName ? `${parsed.file}:${parsed.exportName}` : parsed.file;
    const runArgs = ['run', target, '--transport', 'http', '--host', host, '--port', String(port)];
    let inspector: ChildProcess | undefined;
    let first = true;
    const server = new DevServer(
      selfCommand(path ? [...runArgs, '--path', path] : runArgs),
      io,
      (url) => {
        if (!first) {
          io.err(`mcpkit dev: reloaded, serving at ${url}\n`);
          return;
        }
        first = false;
        io.out(`Server:    ${url}\n`);
        if (withInspector) inspector = startInspector(url, io);
      },
    );
    const dir = dirname(parsed.file);
    server.start();
    const watching = watchDirectory(dir, (files) => {
      // Editors and tools write temp files that are gone by now: name the ones that remain.
      const remaining = files.filter((file) => existsSync(join(dir, file)));
      const shown = (remaining.length > 0 ? remaining : files).slice(0, 3).join(', ');
      io.err(`mcpkit dev: ${shown}${files.length > 3 ? ', …' : ''} changed; restarting\n`);
      void server.restart();
    });
    io.err(`mcpkit dev: watching ${dir} (Ctrl+C to stop)\n`);
    await untilSignal();
    watching.close();
    await Promise.all([server.stop(), inspector ? stopChild(inspector, 3_000, true) : undefined]);
    return 0;
  },
};

function startInspector(url: string, io: CliIo): ChildProcess {
  const { command, args } = inspectorCommand(url);
  io.out('Inspector: starting with npx (first run downloads it); its address follows\n');
  // Its own process group, so stopping it also stops what npx started.
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream)
      createInterface({ input: stream }).on('line', (line) => io.err(`[inspector] ${line}\n`));
  }
  child.on('error', (error) =>
    io.err(`mcpkit dev: could not start the Inspector: ${error.message}\n`),
  );
  child.on('exit', (code) => {
    if (code)
      io.err(
        `mcpkit dev: the Inspector exited with code ${code} (it needs Node >= ${INSPECTOR_MIN_NODE.join('.')})\n`,
      );
  });
  return child;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
