import { describe, expect, test } from 'vitest';
import { UsageError } from '../src/command.js';
import { keyValues, parseFlags, portFlag } from '../src/parse-flags.js';

describe('parseFlags', () => {
  test('values and positionals, with --help always known', () => {
    expect(parseFlags('x', ['a', '--port', '1', '-h', 'b'], { port: { type: 'string' } })).toEqual({
      values: { port: '1', help: true },
      positionals: ['a', 'b'],
    });
  });

  test('errors name the command, the flag and the help', () => {
    const flags = { port: { type: 'string', short: 'p' }, quiet: { type: 'boolean' } } as const;
    const attempt = (argv: string[]) => {
      try {
        parseFlags('x', argv, flags);
        return undefined;
      } catch (error) {
        return [error instanceof UsageError, (error as Error).message];
      }
    };
    expect(attempt(['--nope'])).toEqual([
      true,
      'mcpkit x: unknown flag --nope (see mcpkit x --help)',
    ]);
    expect(attempt(['-z'])).toEqual([true, 'mcpkit x: unknown flag -z (see mcpkit x --help)']);
    expect(attempt(['--port'])).toEqual([
      true,
      'mcpkit x: --port needs a value (see mcpkit x --help)',
    ]);
    expect(attempt(['-p'])).toEqual([true, 'mcpkit x: --port needs a value (see mcpkit x --help)']);
    expect(attempt(['--quiet=yes'])).toEqual([
      true,
      'mcpkit x: --quiet takes no value (see mcpkit x --help)',
    ]);
  });

  test('ports and KEY=VALUE pairs', () => {
    expect(portFlag('x', undefined, 8000)).toBe(8000);
    expect(portFlag('x', '0', 8000)).toBe(0);
    expect(() => portFlag('x', '70000', 8000)).toThrow(
      '--port must be a number from 0 to 65535, got 70000',
    );
    expect(keyValues('x', '--env', ['A=1', 'B==2'])).toEqual({ A: '1', B: '=2' });
    expect(() => keyValues('x', '--env', ['=1'])).toThrow(
      'mcpkit x: --env wants KEY=VALUE, got =1',
    );
  });
});
