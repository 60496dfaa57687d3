import { describe, expect, it } from 'vitest';
import { DEFAULT_INHERITED_ENV_VARS, defaultChildEnv } from '../src/child-env.js';

describe('defaultChildEnv', () => {
  it('keeps only the listed variables and skips exported shell functions', () => {
    const source = {
      HOME: '/home/a',
      PATH: '/bin',
      SECRET: 's',
      SHELL: '() { :; }; echo pwned',
      USER: 'a',
    };
    expect(defaultChildEnv(source, ['HOME', 'PATH', 'SHELL', 'USER', 'TERM'])).toEqual({
      HOME: '/home/a',
      PATH: '/bin',
      USER: 'a',
    });
  });

  it('uses the POSIX set off Windows', () => {
    if (process.platform === 'win32') return;
    expect(DEFAULT_INHERITED_ENV_VARS).toEqual([
      'HOME',
      'LOGNAME',
      'PATH',
      'SHELL',
      'TERM',
      'USER',
    ]);
  });
});
