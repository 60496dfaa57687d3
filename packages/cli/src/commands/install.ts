import { spawnSync } from 'node:child_process';
import { basename, extname } from 'node:path';
import { CliError, type CliIo, type Command, UsageError } from '../command.js';
import { mergeEntry, readJsonConfig, writeJsonAtomic } from '../config-file.js';
import {
  claudeCodeArgs,
  currentEnvironment,
  fileTarget,
  INSTALL_TARGETS,
  type InstallTarget,
  type StdioEntry,
  shellQuote,
} from '../install-targets.js';
import { loadServer } from '../load-server.js';
import { keyValues, listFlag, parseFlags, stringFlag } from '../parse-flags.js';
import { selfCommand } from '../self-command.js';
import { routeConsoleToStderr } from '../stdout-guard.js';
import { which } from '../which.js';

const HELP = `Usage: mcpkit install <target> <file>[:export] [options]

Add a server module to an MCP client's configuration, in that client's own format:
  claude-desktop  claude_desktop_config.json (macOS ~/Library/Application Support/Claude,
                  Windows %APPDATA%\\Claude, Linux ~/.config/Claude), "mcpServers"
  cursor          ~/.cursor/mcp.json, "mcpServers"
  vscode          .vscode/mcp.json in this directory, "servers" with type "stdio"
  claude-code     runs \`claude mcp add …\` (printed instead when claude is not on PATH)
  mcp-json        prints a { "mcpServers": { … } } entry for any other client

The entry runs this mcpkit with this Node, both by absolute path:
  <node> <mcpkit bin> run <absolute file>
so the client needs neither PATH nor a download. Run install again after moving the
project or changing Node. Other entries in the file are kept; the file is replaced
atomically.

Options:
  -n, --name <name>      entry name (default: the server's name)
  -e, --env <KEY=VALUE>  environment for the server (repeatable)
      --config <path>    write this file instead of the client's usual one
                         (mcp-json: merge into this file instead of printing)
      --scope <scope>    claude-code only: local (default), project or user
      --dry-run          print what would be written or run; change nothing
  -h, --help             show this help
`;

/** `mcpkit install`: register a server with an MCP client. */
export const installCommand: Command = {
  name: 'install',
  summary: 'add a server to Claude Desktop, Cursor, VS Code, Claude Code or an mcp.json',
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags('install', argv, {
      name: { type: 'string', short: 'n' },
      env: { type: 'string', multiple: true, short: 'e' },
      config: { type: 'string' },
      scope: { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    if (flags.values.help) {
      io.out(HELP);
      return 0;
    }
    const [target, spec, ...extra] = flags.positionals;
    if (target === undefined || spec === undefined) {
      throw new UsageError('mcpkit install: needs <target> and <file> (see mcpkit install --help)');
    }
    if (!INSTALL_TARGETS.includes(target as InstallTarget)) {
      throw new UsageError(
        `mcpkit install: unknown target ${target}; targets: ${INSTALL_TARGETS.join(', ')}`,
      );
    }
    if (extra.length > 0) throw new UsageError(`mcpkit install: unexpected argument ${extra[0]}`);
    const scope = stringFlag(flags, 'scope');
    if (scope !== undefined && target !== 'claude-code') {
      throw new UsageError('mcpkit install: --scope is for claude-code only');
    }
    const env = keyValues('install', '--env', listFlag(flags, 'env'));
    const dryRun = flags.values['dry-run'] === true;
    const config = stringFlag(flags, 'config');

    routeConsoleToStderr();
    const { server, spec: parsed } = await loadServer(spec);
    const name = stringFlag(flags, 'name') ?? serverName(server, parsed.file);
    const file = parsed.exportName ? `${parsed.file}:${parsed.exportName}` : parsed.file;
    const run = selfCommand(['run', file]);
    const entry: StdioEntry = {
      command: run.command,
      args: run.args,
      ...(Object.keys(env).length > 0 ? { env } : {}),
    };
    const options = { name, entry, config, dryRun, io };
    if (target === 'claude-code') return installClaudeCode(options, scope);
    if (target === 'mcp-json') return installMcpJson(options);
    return installFile(target as InstallTarget, options);
  },
};

interface InstallOptions {
  name: string;
  entry: StdioEntry;
  config: string | undefined;
  dryRun: boolean;
  io: CliIo;
}

function serverName(server: unknown, file: string): string {
  const name = (server as { name?: unknown }).name;
  return typeof name === 'string' && name.trim() ? name : basename(file, extname(file));
}

function installFile(target: InstallTarget, options: InstallOptions): number {
  const client = fileTarget(target, currentEnvironment());
  if (!client) throw new CliError(`no config file for ${target}`);
  const path = options.config ?? client.defaultPath();
  return mergeInto(
    path,
    client.section,
    client.entry(options.entry),
    options,
    client.label,
    client.next,
  );
}

function installMcpJson(options: InstallOptions): number {
  if (options.config === undefined) {
    options.io.out(
      `${JSON.stringify({ mcpServers: { [options.name]: options.entry } }, null, 2)}\n`,
    );
    return 0;
  }
  return mergeInto(options.config, 'mcpServers', options.entry, options, 'mcp.json', '');
}

function mergeInto(
  path: string,
  section: string,
  entry: unknown,
  { name, dryRun, io }: InstallOptions,
  label: string,
  next: string,
): number {
  const config = readJsonConfig(path);
  const replaced = mergeEntry(config, section, name, entry);
  if (dryRun) {
    io.out(`Would write ${path}:\n${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  writeJsonAtomic(path, config);
  const verb = replaced ? 'Updated' : 'Added';
  io.out(`${verb} ${name} in ${path} (${label}).${next ? ` ${next}` : ''}\n`);
  return 0;
}

function installClaudeCode(options: InstallOptions, scope: string | undefined): number {
  const { name, entry, dryRun, io } = options;
  const args = claudeCodeArgs(name, entry, scope);
  const line = ['claude', ...args].map((arg) => shellQuote(arg)).join(' ');
  const claude = which('claude');
  if (dryRun || !claude) {
    if (!dryRun) io.err('mcpkit: claude is not on PATH; run this command to add the server:\n');
    io.out(`${line}\n`);
    return 0;
  }
  const result = spawnSync(claude, args, { stdio: 'inherit' });
  if (result.error) throw new CliError(`could not run claude: ${result.error.message}`);
  if (result.status !== 0) throw new CliError(`claude mcp add exited with code ${result.status}`);
  io.out(`Added ${name} to Claude Code.\n`);
  return 0;
}
