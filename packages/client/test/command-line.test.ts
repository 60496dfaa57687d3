import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../src/index.js';

describe('splitCommandLine', () => {
  it.each([
    ['npx -y @scope/server', ['npx', '-y', '@scope/server']],
    ['  spaced   out  ', ['spaced', 'out']],
    [`node "my server.js" --name 'it''s'`, ['node', 'my server.js', '--name', 'its']],
    [`say "a \\"quoted\\" \\$word" 'lit\\eral'`, ['say', 'a "quoted" $word', 'lit\\eral']],
    ['path\\ with\\ spaces arg', ['path with spaces', 'arg']],
    [`empty "" ''`, ['empty', '', '']],
    [`"C:\\\\tools\\server.exe"`, ['C:\\tools\\server.exe']],
    ['', []],
  ])('%s', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });

  it('refuses an unterminated quote', () => {
    expect(() => splitCommandLine(`node "oops`)).toThrow(
      'Unterminated " quote in command: node "oops',
    );
  });
});
