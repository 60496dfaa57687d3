import { existsSync, readFileSync } from 'node:fs';
import type { ScenarioResult } from './checks.js';

/** A parsed expected-failures file: entries are `scenario` or `scenario:check-id`. */
export interface Baseline {
  file: string;
  server: string[];
  client: string[];
}

/**
 * Reads the suite's baseline format (`server:` / `client:` lists of strings, `[]` when empty).
 * Only that subset of YAML is accepted; anything else is an error rather than a silent miss.
 */
export function readBaseline(file: string): Baseline {
  const baseline: Baseline = { file, server: [], client: [] };
  if (!existsSync(file)) return baseline;
  let section: 'server' | 'client' | undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (line.trim() === '') return;
    const key = /^(server|client):\s*(\[\])?$/.exec(line);
    if (key) {
      section = key[1] as 'server' | 'client';
      return;
    }
    const item = /^\s+-\s+(['"]?)([^'"\s]+)\1$/.exec(line);
    if (item && section) {
      baseline[section].push(item[2]!);
      return;
    }
    throw new Error(`${file}:${index + 1}: cannot read "${raw}"`);
  });
  return baseline;
}

/** One line of the baseline verdict. */
export interface BaselineProblem {
  kind: 'unexpected' | 'stale';
  file: string;
  message: string;
}

/** Which results an entry covers: `scenario` covers all its bad checks, `s:check` only that one. */
function split(entry: string): { scenario: string; check?: string } {
  const i = entry.indexOf(':');
  return i < 0 ? { scenario: entry } : { scenario: entry.slice(0, i), check: entry.slice(i + 1) };
}

/** Marks each bad check expected or not; reports unexpected ones and entries that now pass. */
export function compare(results: ScenarioResult[], baseline: Baseline): BaselineProblem[] {
  const problems: BaselineProblem[] = [];
  for (const side of ['server', 'client'] as const) {
    const entries = baseline[side].map(split);
    const ran = results.filter((r) => r.side === side);
    for (const r of ran) {
      const whole = entries.some((e) => e.scenario === r.scenario && e.check === undefined);
      const listedChecks = new Set(
        entries.filter((e) => e.scenario === r.scenario && e.check).map((e) => e.check!),
      );
      const bad = [...r.failed, ...r.warned];
      const unexpected = whole ? [] : bad.filter((id) => !listedChecks.has(id));
      if (unexpected.length > 0) {
        problems.push({
          kind: 'unexpected',
          file: baseline.file,
          message: `${r.scenario} [${r.wire}] ${r.verdict}: ${unexpected
            .map((id) => (r.failed.includes(id) ? id : `${id} (warning)`))
            .join(', ')}`,
        });
      }
      if (whole && bad.length === 0) {
        problems.push({
          kind: 'stale',
          file: baseline.file,
          message: `${side}: ${r.scenario} now ${r.verdict} on ${r.wire}; remove it from the baseline`,
        });
      }
      for (const check of listedChecks) {
        if (!bad.includes(check)) {
          problems.push({
            kind: 'stale',
            file: baseline.file,
            message: `${side}: ${r.scenario}:${check} no longer fails on ${r.wire}; remove it`,
          });
        }
      }
    }
  }
  return problems;
}

/** Whether a result's bad checks are all covered by the baseline (for the table). */
export function isExpected(r: ScenarioResult, baseline: Baseline): boolean {
  const entries = baseline[r.side].map(split).filter((e) => e.scenario === r.scenario);
  if (entries.some((e) => e.check === undefined)) return true;
  const checks = new Set(entries.map((e) => e.check));
  return [...r.failed, ...r.warned].every((id) => checks.has(id));
}
