import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScriptPath, scriptCommand } from '@mcpkit/stdio';
import { describe, expect, test } from 'vitest';

describe('scriptCommand', () => {
  test('JavaScript runs with this very Node', () => {
    expect(scriptCommand('srv/app.mjs', ['--port', '1'])).toEqual({
      command: process.execPath,
      args: ['srv/app.mjs', '--port', '1'],
    });
    expect(scriptCommand('a.cjs')).toEqual({ command: process.execPath, args: ['a.cjs'] });
  });

  test('TypeScript gets an absolute tsx loader, resolved from the script and not the cwd', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'mcpkit-script-'));
    const script = fileURLToPath(new URL('./fixtures/fake-server.ts', import.meta.url));
    const cwd = process.cwd();
    try {
      process.chdir(elsewhere); // a folder with no tsx anywhere above it
      const run = scriptCommand(script, ['-v']);
      expect(run?.command).toBe(process.execPath);
      expect(run?.args[0]).toBe('--import');
      // pnpm links tsx into node_modules; the resolved file is the real one behind the link.
      expect(run?.args[1]?.startsWith('file:///')).toBe(true);
      expect(run?.args[1]?.endsWith('/tsx/dist/loader.mjs')).toBe(true);
      expect(run?.args.slice(2)).toEqual([script, '-v']);
    } finally {
      process.chdir(cwd);
      rmSync(elsewhere, { recursive: true });
    }
  });

  test('a TypeScript script where no tsx can be found keeps the bare name for Node to report', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'mcpkit-lonely-'));
    const cwd = process.cwd();
    try {
      writeFileSync(join(lonely, 'server.ts'), '');
      process.chdir(lonely);
      expect(scriptCommand(join(lonely, 'server.ts'))).toEqual({
        command: process.execPath,
        args: ['--import', 'tsx', join(lonely, 'server.ts')],
      });
    } finally {
      process.chdir(cwd);
      rmSync(lonely, { recursive: true });
    }
  });

  test('Python runs with python3; anything else is not a script', () => {
    expect(scriptCommand('weather.py', ['-q'])).toEqual({
      command: 'python3',
      args: ['weather.py', '-q'],
    });
    expect(scriptCommand('uvx')).toBeUndefined();
    expect([
      isScriptPath('a.ts'),
      isScriptPath('a.mts'),
      isScriptPath('b.py'),
      isScriptPath('npx'),
    ]).toEqual([true, true, true, false]);
  });
});
