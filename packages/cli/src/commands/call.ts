import { CLIENT_FLAGS, CLIENT_FLAGS_HELP, connectOptions, SOURCE_HELP } from '../client-flags.js';
import { CliError, type Command, UsageError } from '../command.js';
import { connect } from '../connect.js';
import { firstLine } from '../load-server.js';
import { listFlag, parseFlags, stringFlag } from '../parse-flags.js';
import { toolArguments } from '../tool-arguments.js';

const HELP = `Usage: mcpkit call <source> <tool> [--arg key=value ...] [--json '{...}']

Connect to an MCP server, call one tool and print its result as JSON
({ content, structuredContent?, isError, _meta? }; the protocol's own io.modelcontextprotocol/*
_meta keys are left out). Exits 1 when the tool reports an
error (isError) or the server answers with a protocol error.

${SOURCE_HELP}

Options:
  -a, --arg <key=value>       an argument (repeatable); the value is parsed as JSON when it
                              parses, else kept as a string; the tool's input schema decides
                              when it types the property
      --json <object>         all arguments as one JSON object (--arg values win)
${CLIENT_FLAGS_HELP}
  -h, --help                  show this help

Examples:
  mcpkit call src/server.ts greet --arg name=Ada
  mcpkit call http://127.0.0.1:8000/mcp add --json '{"a": 1, "b": 2}'
`;

/** `mcpkit call`: call one tool of any MCP server. */
export const callCommand: Command = {
  name: 'call',
  summary: 'connect to any MCP server and call a tool',
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags('call', argv, {
      ...CLIENT_FLAGS,
      arg: { type: 'string', multiple: true, short: 'a' },
      json: { type: 'string' },
    });
    if (flags.values.help) {
      io.out(HELP);
      return 0;
    }
    const [source, name, ...extra] = flags.positionals;
    if (source === undefined || name === undefined) {
      throw new UsageError('mcpkit call: needs <source> and <tool> (see mcpkit call --help)');
    }
    if (extra.length > 0) throw new UsageError(`mcpkit call: unexpected argument ${extra[0]}`);
    const pairs = listFlag(flags, 'arg');
    const json = stringFlag(flags, 'json');
    // Check the arguments' syntax before starting anything.
    toolArguments(pairs, json, undefined);
    const client = await connect(source, connectOptions('call', flags));
    try {
      // The input schema types the --arg values; a server without tools/list still gets called.
      const tools = pairs.length > 0 ? await client.listTools().catch(() => []) : [];
      const args = toolArguments(
        pairs,
        json,
        tools.find((tool) => tool.name === name),
      );
      const result = await client.callTool(name, args).catch((error: unknown) => {
        throw new CliError(`tools/call ${name} failed: ${protocolMessage(error)}`, 1, {
          cause: error,
        });
      });
      const { content, structuredContent, isError } = result;
      const _meta = appMeta(result._meta);
      io.out(`${JSON.stringify({ content, structuredContent, isError, _meta }, null, 2)}\n`);
      if (!isError) return 0;
      const text = content.map((block) => (block.type === 'text' ? block.text : '')).join(' ');
      io.err(
        `mcpkit: tool ${name} reported an error${text.trim() ? `: ${firstLine(text.trim())}` : ''}\n`,
      );
      return 1;
    } finally {
      await client.close();
    }
  },
};

function protocolMessage(error: unknown): string {
  // Structural: a protocol error (McpError) carries its JSON-RPC code.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? `${firstLine(error)} (code ${code})` : firstLine(error);
}

/** A result's `_meta` without the protocol's own keys (server identity and the like), if any remain. */
function appMeta(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!meta) return undefined;
  const kept = Object.entries(meta).filter(([key]) => !key.startsWith('io.modelcontextprotocol/'));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
