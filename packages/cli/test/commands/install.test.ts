import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CLI, killAll, NODE_ARGS, runCli, SERVERS } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mcpkit-install-'));
});
afterEach(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** The entry every target gets: this Node, the same Node flags, the CLI, `run <file>`. */
const entry = (file = SERVERS, env?: Record<string, string>) => ({
  command: process.execPath,
  args: [...NODE_ARGS, CLI, 'run', file],
  ...(env ? { env } : {}),
});
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('mcpkit install into config files', () => {
  test('claude-desktop merges into the file and keeps other entries and keys', async () => {
    const config = join(dir, 'claude_desktop_config.json');
    writeFileSync(
      config,
      JSON.stringify({ mcpServers: { other: { command: 'x' } }, theme: 'dark' }),
    );
    const result = await runCli([
      'install',
      'claude-desktop',
      SERVERS,
      '--config',
      config,
      '--env',
      'API_KEY=s3cret',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout: `Added fixture in ${config} (Claude Desktop). Restart Claude Desktop to load it.\n`,
      stderr: '',
    });
    expect(readJson(config)).toEqual({
      mcpServers: { other: { command: 'x' }, fixture: entry(SERVERS, { API_KEY: 's3cret' }) },
      theme: 'dark',
    });
    // Installing again replaces the entry (and says so) without touching the others.
    const again = await runCli(['install', 'claude-desktop', SERVERS, '--config', config]);
    expect(again.stdout).toMatch(/^Updated fixture in /);
    expect(readJson(config)).toEqual({
      mcpServers: { other: { command: 'x' }, fixture: entry() },
      theme: 'dark',
    });
  }, 60_000);

  test('claude-desktop default location comes from HOME (Linux: ~/.config/Claude)', async () => {
    const result = await runCli(['install', 'claude-desktop', SERVERS], {
      env: { HOME: dir, XDG_CONFIG_HOME: undefined },
    });
    expect(result.code).toBe(0);
    expect(readJson(join(dir, '.config', 'Claude', 'claude_desktop_config.json'))).toEqual({
      mcpServers: { fixture: entry() },
    });
  }, 60_000);

  test('cursor: ~/.cursor/mcp.json with mcpServers', async () => {
    const result = await runCli(['install', 'cursor', `${SERVERS}:tiny`, '--name', 'my-tiny'], {
      env: { HOME: dir },
    });
    const path = join(dir, '.cursor', 'mcp.json');
    expect(result).toEqual({
      code: 0,
      stdout: `Added my-tiny in ${path} (Cursor). Cursor picks it up in Settings → MCP.\n`,
      stderr: '',
    });
    expect(readJson(path)).toEqual({ mcpServers: { 'my-tiny': entry(`${SERVERS}:tiny`) } });
  }, 60_000);

  test('vscode: .vscode/mcp.json in the working directory, servers with type stdio', async () => {
    const path = join(dir, '.vscode', 'mcp.json');
    const result = await runCli(['install', 'vscode', SERVERS, '-e', 'A=1', '-e', 'B=2'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(readJson(path)).toEqual({
      servers: { fixture: { type: 'stdio', ...entry(SERVERS, { A: '1', B: '2' }) } },
    });
  }, 60_000);

  test('--dry-run prints the merged file and writes nothing', async () => {
    const config = join(dir, 'mcp.json');
    writeFileSync(config, '{"servers":{"keep":{"type":"http","url":"http://x"}}}');
    const result = await runCli(['install', 'vscode', SERVERS, '--config', config, '--dry-run']);
    const merged = {
      servers: { keep: { type: 'http', url: 'http://x' }, fixture: { type: 'stdio', ...entry() } },
    };
    expect(result).toEqual({
      code: 0,
      stdout: `Would write ${config}:\n${JSON.stringify(merged, null, 2)}\n`,
      stderr: '',
    });
    expect(readFileSync(config, 'utf8')).toBe(
      '{"servers":{"keep":{"type":"http","url":"http://x"}}}',
    );
    const fresh = join(dir, 'never.json');
    await runCli(['install', 'cursor', SERVERS, '--config', fresh, '--dry-run']);
    expect(existsSync(fresh)).toBe(false);
  }, 60_000);

  test('a config that is not valid JSON is left alone', async () => {
    const config = join(dir, 'broken.json');
    writeFileSync(config, '{ nope');
    const result = await runCli(['install', 'cursor', SERVERS, '--config', config]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^mcpkit: ${config} is not valid JSON \\(.+\\); fix it or pass --config\\n$`),
    );
    expect(readFileSync(config, 'utf8')).toBe('{ nope');
  }, 60_000);
});

describe('mcpkit install mcp-json and claude-code', () => {
  test('mcp-json prints an mcpServers entry; with --config it merges into that file', async () => {
    expect(await runCli(['install', 'mcp-json', SERVERS, '--name', 'fx'])).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ mcpServers: { fx: entry() } }, null, 2)}\n`,
      stderr: '',
    });
    const config = join(dir, '.mcp.json');
    writeFileSync(config, JSON.stringify({ mcpServers: { a: { url: 'http://a' } } }));
    await runCli(['install', 'mcp-json', SERVERS, '--config', config]);
    expect(readJson(config)).toEqual({ mcpServers: { a: { url: 'http://a' }, fixture: entry() } });
  }, 60_000);

  test('claude-code without claude on PATH prints the command', async () => {
    const result = await runCli(['install', 'claude-code', SERVERS, '-e', 'K=V'], {
      env: { PATH: dir },
    });
    const command = ['claude', 'mcp', 'add', '--transport', 'stdio', 'fixture', '-e', 'K=V', '--'];
    expect(result).toEqual({
      code: 0,
      stdout: `${[...command, process.execPath, ...entry().args].join(' ')}\n`,
      stderr: 'mcpkit: claude is not on PATH; run this command to add the server:\n',
    });
  }, 60_000);

  test('claude-code runs claude mcp add when it is on PATH (not with --dry-run)', async () => {
    const log = join(dir, 'claude-args.json');
    const fake = join(dir, 'claude');
    writeFileSync(
      fake,
      `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)));\n`,
    );
    chmodSync(fake, 0o755);
    const env = { PATH: `${dir}${delimiter}${process.env.PATH}` };
    const dry = await runCli(['install', 'claude-code', SERVERS, '--dry-run'], { env });
    expect(dry.stdout).toMatch(/^claude mcp add --transport stdio fixture -- /);
    expect(existsSync(log)).toBe(false);
    const result = await runCli(
      ['install', 'claude-code', SERVERS, '--scope', 'user', '--name', 'fx'],
      { env },
    );
    expect(result).toEqual({ code: 0, stdout: 'Added fx to Claude Code.\n', stderr: '' });
    expect(readJson(log)).toEqual([
      'mcp',
      'add',
      '--transport',
      'stdio',
      '--scope',
      'user',
      'fx',
      '--',
      process.execPath,
      ...entry().args,
    ]);
  }, 60_000);

  test('usage errors', async () => {
    expect(await runCli(['install', 'zed', SERVERS])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mcpkit install: unknown target zed; targets: claude-desktop, cursor, vscode, claude-code, mcp-json\n',
    });
    expect((await runCli(['install', 'cursor'])).code).toBe(2);
    expect((await runCli(['install', 'cursor', SERVERS, '--env', 'NOEQUALS'])).stderr).toBe(
      'mcpkit install: --env wants KEY=VALUE, got NOEQUALS\n',
    );
    expect((await runCli(['install', 'cursor', SERVERS, '--scope', 'user'])).stderr).toBe(
      'mcpkit install: --scope is for claude-code only\n',
    );
  }, 60_000);
});
