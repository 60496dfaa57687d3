import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, readBaseline } from '../scripts/lib/baseline.js';
import { type Check, judge, serverScenarioFromDir } from '../scripts/lib/checks.js';

const dir = mkdtempSync(join(tmpdir(), 'mcpkit-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (id: string, status: Check['status']): Check => ({ id, status });
const base = { leg: 'server 2026-07-28', wire: '2026-07-28', side: 'server' as const };

describe('judge', () => {
  it('FAIL beats WARN, WARN beats PASS, and wire-schema-valid alone is SKIP', () => {
    const s = (checks: Check[]) => judge({ ...base, scenario: 's' }, checks).verdict;
    expect(s([check('a', 'SUCCESS'), check('b', 'WARNING'), check('c', 'FAILURE')])).toBe('FAIL');
    expect(s([check('a', 'SUCCESS'), check('b', 'WARNING')])).toBe('WARN');
    expect(s([check('a', 'SUCCESS'), check('x', 'INFO')])).toBe('PASS');
    expect(s([check('wire-schema-valid', 'SUCCESS'), check('a', 'SKIPPED')])).toBe('SKIP');
  });

  it('records pseudo failures (no result, client exit) next to the checks', () => {
    const r = judge({ ...base, scenario: 's' }, [check('a', 'SUCCESS')], {
      'client-exit': 'exit 1',
    });
    expect(r).toEqual({
      ...base,
      scenario: 's',
      verdict: 'FAIL',
      failed: ['client-exit'],
      warned: [],
      counts: { success: 1, failure: 0, warning: 0, skipped: 0 },
      messages: { 'client-exit': 'exit 1' },
    });
  });
});

describe('baseline', () => {
  it('reads the suite format with comments and per-check entries', () => {
    const file = join(dir, 'expected-failures.yaml');
    writeFileSync(
      file,
      "# header\nserver:\n  - tasks-lifecycle # why\n  - 'caching:sep-2549-ttl'\nclient: []\n",
    );
    expect(readBaseline(file)).toEqual({
      file,
      server: ['tasks-lifecycle', 'caching:sep-2549-ttl'],
      client: [],
    });
  });

  it('rejects lines it does not understand instead of ignoring them', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'server:\n  tasks-lifecycle\n');
    expect(() => readBaseline(file)).toThrow(/bad.yaml:2/);
  });

  it('flags unexpected failures and entries that now pass', () => {
    const baseline = { file: 'b.yaml', server: ['a', 'b:x', 'c'], client: [] };
    const results = [
      judge({ ...base, scenario: 'a' }, [check('y', 'FAILURE')]), // whole entry: expected
      judge({ ...base, scenario: 'b' }, [check('x', 'FAILURE'), check('z', 'WARNING')]),
      judge({ ...base, scenario: 'c' }, [check('y', 'SUCCESS')]), // stale
      judge({ ...base, scenario: 'd' }, [check('y', 'FAILURE')]), // not listed
    ];
    expect(compare(results, baseline).map((p) => `${p.kind}: ${p.message}`)).toEqual([
      'unexpected: b [2026-07-28] FAIL: z (warning)',
      'stale: server: c now PASS on 2026-07-28; remove it from the baseline',
      'unexpected: d [2026-07-28] FAIL: y',
    ]);
  });
});

describe('serverScenarioFromDir', () => {
  it('strips the prefix and the timestamp', () => {
    expect(serverScenarioFromDir('server-tools-call-image-2026-11-21T21-00-45-519Z')).toBe(
      'tools-call-image',
    );
  });
});
