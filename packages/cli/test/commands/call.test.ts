import { afterEach, describe, expect, test } from 'vitest';
import { EVERYTHING, killAll, QUICKSTART, runCli, SERVERS } from '../helpers/cli.js';

afterEach(killAll);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('mcpkit call', () => {
  test('prints the result as JSON', async () => {
    expect(await runCli(['call', SERVERS, 'greet', '--arg', 'name=Ada'])).toEqual({
      code: 0,
      stdout: json({
        content: [{ type: 'text', text: 'Hello, Ada!' }],
        isError: false,
      }),
      stderr: '',
    });
  }, 60_000);

  test('--arg values are typed by the input schema; --json merges under them', async () => {
    // `name` is a string property: 42 stays "42".
    const greet = await runCli(['call', SERVERS, 'greet', '-a', 'name=42']);
    expect(JSON.parse(greet.stdout).content).toEqual([{ type: 'text', text: 'Hello, 42!' }]);
    const add = await runCli([
      'call',
      SERVERS,
      'add',
      '--json',
      '{"a": 1, "b": 100}',
      '--arg',
      'b=2',
    ]);
    expect(add).toEqual({
      code: 0,
      stdout: json({
        content: [{ type: 'text', text: '{"sum":3}' }],
        structuredContent: { sum: 3 },
        isError: false,
      }),
      stderr: '',
    });
  }, 60_000);

  test('a tool error (isError) exits 1 and says so on stderr', async () => {
    expect(await runCli(['call', SERVERS, 'fail'])).toEqual({
      code: 1,
      stdout: json({
        content: [{ type: 'text', text: 'this tool always fails' }],
        isError: true,
      }),
      stderr: 'mcpkit: tool fail reported an error: this tool always fails\n',
    });
  }, 60_000);

  test('a protocol error exits 1 with the code', async () => {
    expect(await runCli(['call', SERVERS, 'nope'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mcpkit: tools/call nope failed: Unknown tool: nope (code -32602)\n',
    });
  }, 60_000);

  test('the quickstart example', async () => {
    const { code, stdout } = await runCli(['call', QUICKSTART, 'greet', '--arg', 'name=mcpkit']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).content).toEqual([{ type: 'text', text: 'Hello, mcpkit!' }]);
  }, 60_000);

  test('the reference server-everything over stdio', async () => {
    const source = `node ${EVERYTHING}`;
    expect(await runCli(['call', source, 'echo', '--arg', 'message=hi'])).toEqual({
      code: 0,
      stdout: json({ content: [{ type: 'text', text: 'Echo: hi' }], isError: false }),
      stderr: '',
    });
    // a and b are numbers in its schema: the strings "2" and "3" are sent as numbers.
    const sum = await runCli(['call', source, 'get-sum', '--arg', 'a=2', '--arg', 'b=3']);
    expect(sum).toEqual({
      code: 0,
      stdout: json({
        content: [{ type: 'text', text: 'The sum of 2 and 3 is 5.' }],
        isError: false,
      }),
      stderr: '',
    });
  }, 60_000);

  test('usage errors are caught before connecting', async () => {
    expect(await runCli(['call', SERVERS])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mcpkit call: needs <source> and <tool> (see mcpkit call --help)\n',
    });
    expect((await runCli(['call', SERVERS, 'greet', '--arg', 'novalue'])).stderr).toBe(
      'mcpkit call: --arg wants key=value, got novalue\n',
    );
    expect((await runCli(['call', SERVERS, 'greet', '--json', '[1]'])).stderr).toBe(
      'mcpkit call: --json must be a JSON object\n',
    );
    expect((await runCli(['call', SERVERS, 'greet', '--json', '{'])).code).toBe(2);
  }, 60_000);
});
