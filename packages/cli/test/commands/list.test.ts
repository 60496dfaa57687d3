import { afterEach, describe, expect, test } from 'vitest';
import { formatTools } from '../../src/commands/list.js';
import {
  EVERYTHING,
  FIXTURES,
  freePort,
  killAll,
  runCli,
  SERVERS,
  startCli,
} from '../helpers/cli.js';

afterEach(killAll);

describe('mcpkit list', () => {
  test('a server file over stdio: names and descriptions in columns', async () => {
    expect(await runCli(['list', SERVERS])).toEqual({
      code: 0,
      stdout: 'greet  Greet someone by name\nadd    Add two numbers\nfail   Always fails\n',
      stderr: '',
    });
  }, 60_000);

  test('--json prints the full tool definitions', async () => {
    const { code, stdout } = await runCli(['list', `${SERVERS}:tiny`, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        name: 'ping',
        inputSchema: { type: 'object', additionalProperties: false },
        description: 'Answer pong',
      },
    ]);
  }, 60_000);

  test('an HTTP URL', async () => {
    const server = startCli(['run', `${SERVERS}:tiny`, '--transport', 'http', '--port', '0']);
    const [, url] = await server.waitFor(/at (http:\S+)\n/);
    expect(await runCli(['list', url as string])).toEqual({
      code: 0,
      stdout: 'ping  Answer pong\n',
      stderr: '',
    });
    server.child.kill('SIGTERM');
    await server.exited();
  }, 60_000);

  test('the reference server-everything, as a quoted command', async () => {
    const { code, stdout } = await runCli(['list', `node ${EVERYTHING}`]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toContain('echo                            Echoes back the input string');
    expect(lines).toContain('get-sum                         Returns the sum of two numbers');
  }, 60_000);

  test('connection failures: one clear line (plus the child server stderr)', async () => {
    const port = await freePort();
    const http = await runCli(['list', `http://127.0.0.1:${port}/mcp`]);
    expect(http.code).toBe(1);
    expect(http.stderr).toMatch(
      new RegExp(`^mcpkit: could not connect to http://127\\.0\\.0\\.1:${port}/mcp: .+\\n$`),
    );
    const child = await runCli(['list', `${FIXTURES}/no-server.ts`]);
    expect(child.code).toBe(1);
    expect(child.stderr).toMatch(/^mcpkit: could not connect to .*no-server\.ts: /);
    expect(child.stderr).toContain('mcpkit: no server exported by');
    expect(await runCli(['list', 'missing.ts'])).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^mcpkit: file not found: .*missing\.ts\n$/),
    });
  }, 60_000);

  test('usage errors', async () => {
    expect(await runCli(['list'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mcpkit list: missing <source> (see mcpkit list --help)\n',
    });
    expect((await runCli(['list', SERVERS, '--header', 'nocolon'])).stderr).toBe(
      'mcpkit list: --header wants "Name: value", got nocolon\n',
    );
  }, 60_000);
});

describe('formatTools', () => {
  test('pads names, keeps the first line of a description, names without one alone', () => {
    expect(
      formatTools([
        { name: 'a', description: 'first\nsecond', inputSchema: { type: 'object' } },
        { name: 'longer', inputSchema: { type: 'object' } },
      ]),
    ).toBe('a       first\nlonger\n');
    expect(formatTools([])).toBe('(no tools)\n');
  });
});
