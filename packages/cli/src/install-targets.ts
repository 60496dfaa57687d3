import { homedir } from 'node:os';
import { join } from 'node:path';

/** The clients `mcpkit install` knows. */
export const INSTALL_TARGETS = [
  'claude-desktop',
  'cursor',
  'vscode',
  'claude-code',
  'mcp-json',
] as const;
/** One of `INSTALL_TARGETS`. */
export type InstallTarget = (typeof INSTALL_TARGETS)[number];

/** A stdio server entry in the de-facto `mcpServers` shape. */
export interface StdioEntry {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** A client whose configuration is one JSON file with a map of servers. */
export interface FileTarget {
  /** shown to the user */
  label: string;
  /** the config file's usual location */
  defaultPath(): string;
  /** the key of the servers map */
  section: 'mcpServers' | 'servers';
  /** the entry in this client's own shape */
  entry(stdio: StdioEntry): Record<string, unknown>;
  /** what to tell the user after writing */
  next: string;
}

/** Where things live: overridable so tests need no real home directory. */
export interface Environment {
  platform: NodeJS.Platform;
  home: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** This process's platform, home, working directory and environment. */
export const currentEnvironment = (): Environment => ({
  platform: process.platform,
  home: homedir(),
  cwd: process.cwd(),
  env: process.env,
});

/** Claude Desktop's config file on each OS (Linux: the unofficial ~/.config location). */
export function claudeDesktopConfigPath({ platform, home, env }: Environment): string {
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
  }
  if (platform === 'win32') {
    return join(
      env.APPDATA ?? join(home, 'AppData', 'Roaming'),
      'Claude',
      'claude_desktop_config.json',
    );
  }
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Claude', 'claude_desktop_config.json');
}

/** The file-based targets. */
export function fileTarget(
  target: InstallTarget,
  environment: Environment,
): FileTarget | undefined {
  switch (target) {
    case 'claude-desktop':
      return {
        label: 'Claude Desktop',
        defaultPath: () => claudeDesktopConfigPath(environment),
        section: 'mcpServers',
        entry: (stdio) => ({ ...stdio }),
        next: 'Restart Claude Desktop to load it.',
      };
    case 'cursor':
      return {
        label: 'Cursor',
        defaultPath: () => join(environment.home, '.cursor', 'mcp.json'),
        section: 'mcpServers',
        entry: (stdio) => ({ ...stdio }),
        next: 'Cursor picks it up in Settings → MCP.',
      };
    case 'vscode':
      return {
        label: 'VS Code',
        defaultPath: () => join(environment.cwd, '.vscode', 'mcp.json'),
        section: 'servers',
        // VS Code's own format: a `servers` map whose entries name their transport.
        entry: (stdio) => ({ type: 'stdio', ...stdio }),
        next: 'VS Code lists it under MCP: List Servers in this workspace.',
      };
    default:
      return undefined;
  }
}

/** `claude mcp add …` for Claude Code: the arguments after `claude`. */
export function claudeCodeArgs(
  name: string,
  stdio: StdioEntry,
  scope: string | undefined,
): string[] {
  const env = Object.entries(stdio.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return [
    'mcp',
    'add',
    '--transport',
    'stdio',
    ...(scope ? ['--scope', scope] : []),
    name,
    ...env,
    '--',
    stdio.command,
    ...stdio.args,
  ];
}

/** Quote one argument for a POSIX shell (or cmd.exe on Windows), only when needed. */
export function shellQuote(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(arg)) return arg;
  if (platform === 'win32') return `"${arg.replace(/"/g, '\\"')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
