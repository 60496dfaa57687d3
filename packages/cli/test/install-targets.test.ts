import { describe, expect, test } from 'vitest';
import {
  claudeCodeArgs,
  claudeDesktopConfigPath,
  type Environment,
  fileTarget,
  shellQuote,
} from '../src/install-targets.js';

const env = (platform: NodeJS.Platform, vars: Record<string, string> = {}): Environment => ({
  platform,
  home: '/home/u',
  cwd: '/work/p',
  env: vars,
});

describe('install targets', () => {
  test('Claude Desktop config per OS', () => {
    expect(claudeDesktopConfigPath(env('darwin'))).toBe(
      '/home/u/Library/Application Support/Claude/claude_desktop_config.json',
    );
    expect(claudeDesktopConfigPath(env('win32', { APPDATA: '/appdata' }))).toBe(
      '/appdata/Claude/claude_desktop_config.json',
    );
    expect(claudeDesktopConfigPath(env('linux'))).toBe(
      '/home/u/.config/Claude/claude_desktop_config.json',
    );
    expect(claudeDesktopConfigPath(env('linux', { XDG_CONFIG_HOME: '/xdg' }))).toBe(
      '/xdg/Claude/claude_desktop_config.json',
    );
  });

  test('each file target: location, section and entry shape', () => {
    const stdio = { command: 'node', args: ['bin.js', 'run', '/s.ts'], env: { K: 'V' } };
    const shapes = (['claude-desktop', 'cursor', 'vscode'] as const).map((name) => {
      const target = fileTarget(name, env('linux'));
      return [target?.defaultPath(), target?.section, target?.entry(stdio)];
    });
    expect(shapes).toEqual([
      ['/home/u/.config/Claude/claude_desktop_config.json', 'mcpServers', stdio],
      ['/home/u/.cursor/mcp.json', 'mcpServers', stdio],
      ['/work/p/.vscode/mcp.json', 'servers', { type: 'stdio', ...stdio }],
    ]);
    expect(fileTarget('claude-code', env('linux'))).toBeUndefined();
  });

  test('claude mcp add arguments', () => {
    expect(
      claudeCodeArgs('s', { command: 'node', args: ['a'], env: { A: '1', B: '2' } }, 'project'),
    ).toEqual([
      'mcp',
      'add',
      '--transport',
      'stdio',
      '--scope',
      'project',
      's',
      '-e',
      'A=1',
      '-e',
      'B=2',
      '--',
      'node',
      'a',
    ]);
  });

  test('shell quoting only where needed', () => {
    expect(shellQuote('/usr/bin/node', 'linux')).toBe('/usr/bin/node');
    expect(shellQuote('K=V', 'linux')).toBe('K=V');
    expect(shellQuote('has space', 'linux')).toBe("'has space'");
    expect(shellQuote("it's", 'linux')).toBe(`'it'\\''s'`);
    expect(shellQuote('C:\\Program Files\\node.exe', 'win32')).toBe(
      '"C:\\Program Files\\node.exe"',
    );
  });
});
