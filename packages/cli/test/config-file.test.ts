import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mergeEntry, readJsonConfig, writeJsonAtomic } from '../src/config-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mcpkit-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('config files', () => {
  test('a missing or empty file reads as {}', () => {
    expect(readJsonConfig(join(dir, 'none.json'))).toEqual({});
    writeFileSync(join(dir, 'empty.json'), '  \n');
    expect(readJsonConfig(join(dir, 'empty.json'))).toEqual({});
  });

  test('non-objects are refused', () => {
    writeFileSync(join(dir, 'list.json'), '[]');
    expect(() => readJsonConfig(join(dir, 'list.json'))).toThrow('does not hold a JSON object');
  });

  test('mergeEntry keeps the rest and says whether it replaced', () => {
    const config: Record<string, unknown> = { mcpServers: { a: 1 }, other: true };
    expect(mergeEntry(config, 'mcpServers', 'b', 2)).toBe(false);
    expect(mergeEntry(config, 'mcpServers', 'a', 3)).toBe(true);
    expect(config).toEqual({ mcpServers: { a: 3, b: 2 }, other: true });
    expect(() => mergeEntry({ servers: [] }, 'servers', 'x', 1)).toThrow(
      '"servers" in the config is not an object',
    );
  });

  test('writeJsonAtomic creates folders, leaves no temp file, keeps an existing mode', () => {
    const path = join(dir, 'deep', 'er', 'c.json');
    writeJsonAtomic(path, { a: 1 });
    expect(readFileSync(path, 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['c.json']);
    const shared = join(dir, 'shared.json');
    writeFileSync(shared, '{}', { mode: 0o644 });
    writeJsonAtomic(shared, { b: 2 });
    expect(statSync(shared).mode & 0o777).toBe(0o644);
  });
});
