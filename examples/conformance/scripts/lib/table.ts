import { type Baseline, isExpected } from './baseline.js';
import type { ScenarioResult } from './checks.js';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function cell(r: ScenarioResult, baseline: Baseline): string {
  const bad = [...r.failed, ...r.warned];
  const expected = bad.length > 0 && isExpected(r, baseline) ? ' (baselined)' : '';
  return bad.length > 0 ? `${r.verdict}${expected}: ${bad.join(', ')}` : r.verdict;
}

/** The per-scenario table as plain text lines (also written to summary.md). */
export function renderTable(
  results: ScenarioResult[],
  baselineOf: (r: ScenarioResult) => Baseline,
): string[] {
  const rows = results.map((r) => [r.side, r.scenario, r.wire, cell(r, baselineOf(r))]);
  const head = ['side', 'scenario', 'wire', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  // The result column is left unpadded: failing check lists can be long.
  const line = (row: string[]) =>
    `| ${row.map((c, i) => (i === row.length - 1 ? c : pad(c, widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? 8 : w + 2)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)];
}

/** Totals per leg: scenarios by verdict and how many of the bad ones are baselined. */
export function renderTotals(
  results: ScenarioResult[],
  baselineOf: (r: ScenarioResult) => Baseline,
  legMs: ReadonlyMap<string, number>,
): string[] {
  const legs = [...new Set(results.map((r) => r.leg))];
  return legs.map((leg) => {
    const rs = results.filter((r) => r.leg === leg);
    const n = (v: string) => rs.filter((r) => r.verdict === v).length;
    const baselined = rs.filter(
      (r) => (r.verdict === 'FAIL' || r.verdict === 'WARN') && isExpected(r, baselineOf(r)),
    ).length;
    const checks = rs.reduce((sum, r) => sum + r.counts.success, 0);
    const failedChecks = rs.reduce((sum, r) => sum + r.counts.failure, 0);
    return (
      `${pad(leg, 22)} ${rs.length} scenarios: ${n('PASS')} pass, ${n('FAIL')} fail, ` +
      `${n('WARN')} warn, ${n('SKIP')} skip (${baselined} baselined); ` +
      `checks ${checks} ok / ${failedChecks} failed; ${((legMs.get(leg) ?? 0) / 1000).toFixed(1)} s`
    );
  });
}
