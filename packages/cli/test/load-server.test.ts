import { describe, expect, test } from 'vitest';
import { CliError } from '../src/command.js';
import { loadServer, parseServerSpec } from '../src/load-server.js';
import { FIXTURES, SERVERS } from './helpers/cli.js';

describe('parseServerSpec', () => {
  test('file and optional export, made absolute', () => {
    expect(parseServerSpec('src/server.ts', '/p')).toEqual({
      file: '/p/src/server.ts',
      exportName: undefined,
    });
    expect(parseServerSpec('src/server.ts:app', '/p')).toEqual({
      file: '/p/src/server.ts',
      exportName: 'app',
    });
    expect(parseServerSpec('/abs/s.mjs:$x', '/p')).toEqual({
      file: '/abs/s.mjs',
      exportName: '$x',
    });
    // Not a name after the colon, or no module extension before it: the whole text is the path.
    expect(parseServerSpec('dir:name/s.ts', '/p')).toEqual({
      file: '/p/dir:name/s.ts',
      exportName: undefined,
    });
    expect(parseServerSpec('s.ts:1x', '/p')).toEqual({ file: '/p/s.ts:1x', exportName: undefined });
  });
});

describe('loadServer', () => {
  test('default, named, factory', async () => {
    const byDefault = await loadServer(SERVERS);
    expect([byDefault.exportName, (byDefault.server as unknown as { name: string }).name]).toEqual([
      'default',
      'fixture',
    ]);
    const named = await loadServer(`${SERVERS}:tiny`);
    expect([named.exportName, (named.server as unknown as { name: string }).name]).toEqual([
      'tiny',
      'tiny',
    ]);
    const made = await loadServer(`${FIXTURES}/factory.ts`);
    expect((made.server as unknown as { name: string }).name).toBe('made');
  });

  test('errors are CliErrors with one-line messages', async () => {
    const error = await loadServer(`${FIXTURES}/two-servers.ts`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(
      `${FIXTURES}/two-servers.ts exports several servers (first, second); pick one with ${FIXTURES}/two-servers.ts:first`,
    );
    await expect(loadServer(`${FIXTURES}/absent.ts`)).rejects.toThrow(
      `file not found: ${FIXTURES}/absent.ts`,
    );
    await expect(loadServer(FIXTURES)).rejects.toThrow(`file not found: ${FIXTURES}`);
  });
});
