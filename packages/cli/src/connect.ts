import { existsSync } from 'node:fs';
import {
  type CreateClientOptions,
  createClient,
  type McpClient,
  type StdioServerConfig,
} from '@mcpkit/client';
import { CliError } from './command.js';
import { firstLine, parseServerSpec } from './load-server.js';
import { cliVersion } from './package-info.js';
import { selfCommand } from './self-command.js';

/** What `list` and `call` connect to, as the user typed it plus what we make of it. */
export type ResolvedSource = string | StdioServerConfig;

const MODULE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)(?::[A-Za-z_$][\w$]*)?$/i;

/**
 * A URL stays a URL; an existing .ts/.js file (optionally `:export`) becomes `mcpkit run <file>`
 * over stdio; anything else is a command line for the client to split and spawn.
 */
export function resolveSource(source: string, cwd = process.cwd()): ResolvedSource {
  const trimmed = source.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (MODULE_FILE.test(trimmed)) {
    const spec = parseServerSpec(trimmed, cwd);
    if (existsSync(spec.file)) {
      const run = selfCommand([
        'run',
        spec.exportName ? `${spec.file}:${spec.exportName}` : spec.file,
      ]);
      return { command: run.command, args: run.args, cwd };
    }
    if (!/\s/.test(trimmed)) throw new CliError(`file not found: ${spec.file}`);
  }
  return trimmed;
}

/** What `list` and `call` pass to the client besides the source. */
export interface ConnectOptions {
  headers: Record<string, string>;
  timeoutMs: number | undefined;
}

/**
 * Connect with `createClient`; a child server's stderr is kept and shown only when connecting
 * fails, so stdout and stderr stay clean on success.
 */
export async function connect(source: string, options: ConnectOptions): Promise<McpClient> {
  const resolved = resolveSource(source);
  const stderr: string[] = [];
  const clientOptions: CreateClientOptions = {
    clientInfo: { name: 'mcpkit-cli', version: cliVersion() },
    onStderr: (text) => {
      if (stderr.length < 200) stderr.push(text);
    },
    ...(Object.keys(options.headers).length > 0 ? { headers: options.headers } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  try {
    return (await createClient(resolved, clientOptions)) as unknown as McpClient;
  } catch (error) {
    const output = stderr.join('').trim();
    const tail = output ? `\n${output.split('\n').slice(-20).join('\n')}` : '';
    throw new CliError(`could not connect to ${source}: ${withCauseCode(error)}${tail}`, 1, {
      cause: error,
    });
  }
}

/** `fetch failed` says little: add the code of the underlying cause (ECONNREFUSED …). */
function withCauseCode(error: unknown): string {
  let cause = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return `${firstLine(error)} (${code})`;
    cause = (cause as { cause?: unknown }).cause;
  }
  return firstLine(error);
}
