import { type Command, UsageError } from '../command.js';
import { loadServer } from '../load-server.js';
import { readWireManifest, tidyManifest } from '../manifest.js';
import { parseFlags, stringFlag } from '../parse-flags.js';
import { routeConsoleToStderr } from '../stdout-guard.js';

const HELP = `Usage: mcpkit inspect <file>[:export] [--format mcpkit|mcp]

Print what a server offers as JSON: server info, instructions, tools (with input and
output schemas), resources, resource templates and prompts.

Options:
  -f, --format <mcpkit|mcp>  mcpkit (default): one tidy object
                               { server, tools, resources, resourceTemplates, prompts }
                             mcp: the initialize, tools/list, resources/list,
                               resources/templates/list and prompts/list results exactly
                               as the wire carries them, keyed by method (lists the server
                               declares no capability for are left out)
  -h, --help                 show this help
`;

/** `mcpkit inspect`: the manifest of a server module. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: "print a server module's tools, resources and prompts as JSON",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags('inspect', argv, { format: { type: 'string', short: 'f' } });
    if (flags.values.help) {
      io.out(HELP);
      return 0;
    }
    const [spec, ...extra] = flags.positionals;
    if (spec === undefined) {
      throw new UsageError('mcpkit inspect: missing <file> (see mcpkit inspect --help)');
    }
    if (extra.length > 0) throw new UsageError(`mcpkit inspect: unexpected argument ${extra[0]}`);
    const format = stringFlag(flags, 'format') ?? 'mcpkit';
    if (format !== 'mcpkit' && format !== 'mcp') {
      throw new UsageError(`mcpkit inspect: --format must be mcpkit or mcp, got ${format}`);
    }
    // stdout carries the JSON only: the module's own logs go to stderr.
    routeConsoleToStderr();
    const { server } = await loadServer(spec);
    const wire = await readWireManifest(server);
    const output = format === 'mcp' ? wire : tidyManifest(wire);
    io.out(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  },
};
