import { isAbsolute } from 'node:path';
import { describe, expect, test } from 'vitest';
import { binPath, portableExecArgv, selfCommand } from '../src/self-command.js';
import { CLI } from './helpers/cli.js';

describe('self command', () => {
  test('binPath is this package’s bin next to the running module', () => {
    expect(binPath()).toBe(CLI);
  });

  test('preloaded bare specifiers become absolute; other flags stay', () => {
    const argv = portableExecArgv([
      '--conditions=@mcpkit/source',
      '--import',
      'tsx',
      '--no-warnings',
    ]);
    expect(argv[0]).toBe('--conditions=@mcpkit/source');
    expect(argv[1]).toBe('--import');
    expect(argv[2]).toMatch(/^file:\/\/.*\/tsx\/dist\/loader\.mjs$/);
    expect(argv[3]).toBe('--no-warnings');
    expect(portableExecArgv(['--import=file:///x.mjs', '-r', '/abs.cjs'])).toEqual([
      '--import=file:///x.mjs',
      '-r',
      '/abs.cjs',
    ]);
    const [, relative] = portableExecArgv(['--require', './local.cjs']);
    expect(isAbsolute(relative as string)).toBe(true);
  });

  test('selfCommand: this node, then its flags, the bin, the args', () => {
    const { command, args } = selfCommand(['run', 'x.ts']);
    expect(command).toBe(process.execPath);
    expect(args.slice(-3)).toEqual([CLI, 'run', 'x.ts']);
  });
});
