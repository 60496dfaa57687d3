import { describe, expect, test } from 'vitest';
import type { CliIo } from '../src/command.js';
import { MAIN_HELP, main } from '../src/main.js';
import { runCli } from './helpers/cli.js';

/** Run main() in this process, capturing what it writes. */
async function capture(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('mcpkit (no command, help, unknown)', () => {
  test('--help lists every command', async () => {
    expect(await capture(['--help'])).toEqual({ code: 0, stdout: MAIN_HELP, stderr: '' });
    expect(MAIN_HELP).toBe(`Usage: mcpkit <command> [options]

Commands:
  run      serve a server module over stdio, HTTP or SSE
  dev      serve over HTTP with reload on change, and open the MCP Inspector
  inspect  print a server module's tools, resources and prompts as JSON
  list     connect to any MCP server and print its tools
  call     connect to any MCP server and call a tool
  install  add a server to Claude Desktop, Cursor, VS Code, Claude Code or an mcp.json
  version  print the versions of mcpkit and Node, and the platform

Run mcpkit <command> --help for a command's options.
`);
  });

  test('no command: the help on stderr, exit 2', async () => {
    expect(await capture([])).toEqual({ code: 2, stdout: '', stderr: MAIN_HELP });
  });

  test('help <command> and <command> --help print that command’s help', async () => {
    for (const name of ['run', 'dev', 'inspect', 'list', 'call', 'install', 'version']) {
      const viaHelp = await capture(['help', name]);
      const viaFlag = await capture([name, '--help']);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: mcpkit ${name}`));
      expect(viaFlag).toEqual(viaHelp);
    }
  });

  test('unknown command or flag: one line, exit 2', async () => {
    expect(await capture(['serve'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mcpkit: unknown command serve; commands: run, dev, inspect, list, call, install, version (see mcpkit --help)\n',
    });
    expect((await capture(['--verbose'])).stderr).toBe(
      'mcpkit: unknown flag --verbose; commands: run, dev, inspect, list, call, install, version (see mcpkit --help)\n',
    );
    expect(await capture(['version', '--short'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mcpkit version: unknown flag --short (see mcpkit version --help)\n',
    });
  });

  test('the real process exits with those codes', async () => {
    expect(await runCli(['serve'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mcpkit: unknown command serve; commands: run, dev, inspect, list, call, install, version (see mcpkit --help)\n',
    });
    expect((await runCli(['--help'])).code).toBe(0);
  }, 60_000);
});
