import { describe, expect, test } from 'vitest';
import { resolveSource } from '../src/connect.js';
import { CLI, FIXTURES, SERVERS } from './helpers/cli.js';

describe('resolveSource', () => {
  test('URLs stay URLs; commands stay command lines', () => {
    expect(resolveSource(' https://example.test/mcp ')).toBe('https://example.test/mcp');
    expect(resolveSource('npx -y @modelcontextprotocol/server-everything')).toBe(
      'npx -y @modelcontextprotocol/server-everything',
    );
    expect(resolveSource('node server.js --port 1')).toBe('node server.js --port 1');
  });

  test('a server file, with or without an export, runs through mcpkit run over stdio', () => {
    for (const [input, target] of [
      [SERVERS, SERVERS],
      [`${SERVERS}:tiny`, `${SERVERS}:tiny`],
      ['servers.ts', SERVERS],
    ]) {
      const resolved = resolveSource(input as string, FIXTURES);
      expect(typeof resolved).toBe('object');
      const { command, args, cwd } = resolved as { command: string; args: string[]; cwd: string };
      expect([command, args.slice(-3), cwd]).toEqual([
        process.execPath,
        [CLI, 'run', target],
        FIXTURES,
      ]);
    }
  });

  test('a lone file path that does not exist is an error, not a command', () => {
    expect(() => resolveSource('nothing-here.ts', FIXTURES)).toThrow(
      `file not found: ${FIXTURES}/nothing-here.ts`,
    );
  });
});
