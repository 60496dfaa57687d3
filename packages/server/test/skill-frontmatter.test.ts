import { describe, expect, test } from 'vitest';
import { readFrontmatter, writeFrontmatter } from '../src/skill-frontmatter.js';

describe('frontmatter', () => {
  test('plain values stay plain; ambiguous ones are quoted', () => {
    expect(
      writeFrontmatter({ name: 'x', description: 'Does: things', version: '1.0', license: 'MIT' }),
    ).toBe('---\nname: x\ndescription: "Does: things"\nversion: "1.0"\nlicense: MIT\n---\n');
  });

  test('reads back what it writes, plus single quotes and comments', () => {
    const fields = { name: 'x', description: 'Says "hi" # not a comment', version: '2' };
    expect(readFrontmatter(`${writeFrontmatter(fields)}body`)).toEqual({ fields, body: 'body' });
    expect(readFrontmatter("---\n# c\na: 'it''s' \nb: plain # note\n---\n")).toEqual({
      fields: { a: "it's", b: 'plain' },
      body: '',
    });
  });

  test('no block is undefined; nested or non-string values are refused', () => {
    expect(readFrontmatter('# title')).toBeUndefined();
    expect(() => readFrontmatter('---\nmetadata:\n  a: b\n---\n')).toThrow(
      new TypeError('SKILL.md frontmatter: only flat "key: string" lines are supported: metadata:'),
    );
    expect(() => readFrontmatter('---\nv: 1.5\n---\n')).toThrow(
      new TypeError('SKILL.md frontmatter: only flat "key: string" lines are supported: v: 1.5'),
    );
  });
});
