import type { Tool } from '@mcpkit/core';
import { CLIENT_FLAGS, CLIENT_FLAGS_HELP, connectOptions, SOURCE_HELP } from '../client-flags.js';
import { CliError, type Command, UsageError } from '../command.js';
import { connect } from '../connect.js';
import { firstLine } from '../load-server.js';
import { parseFlags } from '../parse-flags.js';

const HELP = `Usage: mcpkit list <source> [options]

Connect to an MCP server and print its tools: one per line, name then description.

${SOURCE_HELP}

Options:
      --json                  print the full tool definitions as JSON
${CLIENT_FLAGS_HELP}
  -h, --help                  show this help
`;

/** `mcpkit list`: the tools of any MCP server. */
export const listCommand: Command = {
  name: 'list',
  summary: 'connect to any MCP server and print its tools',
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags('list', argv, { ...CLIENT_FLAGS, json: { type: 'boolean' } });
    if (flags.values.help) {
      io.out(HELP);
      return 0;
    }
    const [source, ...extra] = flags.positionals;
    if (source === undefined)
      throw new UsageError('mcpkit list: missing <source> (see mcpkit list --help)');
    if (extra.length > 0) throw new UsageError(`mcpkit list: unexpected argument ${extra[0]}`);
    const client = await connect(source, connectOptions('list', flags));
    try {
      const tools = await client.listTools().catch((error: unknown) => {
        throw new CliError(`tools/list failed: ${firstLine(error)}`, 1, { cause: error });
      });
      io.out(flags.values.json ? `${JSON.stringify(tools, null, 2)}\n` : formatTools(tools));
      return 0;
    } finally {
      await client.close();
    }
  },
};

/** `name  description` lines, names padded to one column; descriptions kept to their first line. */
export function formatTools(tools: readonly Tool[]): string {
  if (tools.length === 0) return '(no tools)\n';
  const width = Math.max(...tools.map((tool) => tool.name.length)) + 2;
  return tools
    .map((tool) => {
      const description = (tool.description ?? '').split('\n')[0]?.trim() ?? '';
      return description ? `${tool.name.padEnd(width)}${description}\n` : `${tool.name}\n`;
    })
    .join('');
}
