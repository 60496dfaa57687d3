import { UsageError } from './command.js';
import type { ConnectOptions } from './connect.js';
import { type FlagSpec, listFlag, type ParsedFlags, stringFlag } from './parse-flags.js';

/** Flags `list` and `call` share. */
export const CLIENT_FLAGS: FlagSpec = {
  header: { type: 'string', multiple: true, short: 'H' },
  timeout: { type: 'string' },
};

/** Their help lines. */
export const CLIENT_FLAGS_HELP = `  -H, --header <Name: value>  HTTP header for URL sources (repeatable)
      --timeout <ms>          per-request timeout (default 60000)`;

/** Their help text about sources. */
export const SOURCE_HELP = `<source> is one of:
  an http(s) URL                 Streamable HTTP (legacy SSE for paths ending in /sse)
  a .ts/.js file[:export]        served over stdio with \`mcpkit run\`
  a quoted command line          spawned and spoken to over stdio, e.g.
                                 "npx -y @modelcontextprotocol/server-everything"`;

/** Read the shared flags. */
export function connectOptions(command: string, flags: ParsedFlags): ConnectOptions {
  const headers: Record<string, string> = {};
  for (const header of listFlag(flags, 'header')) {
    const at = header.indexOf(':');
    if (at <= 0)
      throw new UsageError(`mcpkit ${command}: --header wants "Name: value", got ${header}`);
    headers[header.slice(0, at).trim().toLowerCase()] = header.slice(at + 1).trim();
  }
  const timeout = stringFlag(flags, 'timeout');
  if (timeout !== undefined && !/^\d+$/.test(timeout)) {
    throw new UsageError(`mcpkit ${command}: --timeout must be a number of ms, got ${timeout}`);
  }
  return { headers, timeoutMs: timeout === undefined ? undefined : Number(timeout) };
}
