import type { Command } from '../command.js';
import { cliVersion } from '../package-info.js';
import { parseFlags } from '../parse-flags.js';

const HELP = `Usage: mcpkit version [--json]

Print the versions of mcpkit and Node, and the platform.

Options:
      --json      print them as JSON
  -h, --help      show this help
`;

/** The facts `mcpkit version` prints. */
export function versionFacts(): { mcpkit: string; node: string; platform: string } {
  return {
    mcpkit: cliVersion(),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** `mcpkit version`. */
export const versionCommand: Command = {
  name: 'version',
  summary: 'print the versions of mcpkit and Node, and the platform',
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags('version', argv, { json: { type: 'boolean' } });
    if (flags.values.help) {
      io.out(HELP);
      return 0;
    }
    const facts = versionFacts();
    if (flags.values.json) {
      io.out(`${JSON.stringify(facts, null, 2)}\n`);
    } else {
      io.out(`mcpkit ${facts.mcpkit}\nnode ${facts.node}\nplatform ${facts.platform}\n`);
    }
    return 0;
  },
};
