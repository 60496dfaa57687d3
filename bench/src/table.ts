import type { Measurement } from './measure.js';

/** One row of the report: a case and its figures over every pass, or why it has none. */
export interface RowResult {
  id: string;
  label: string;
  measures: string;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  result?: Measurement;
}

const MCPKIT = ['mcpkit-engine', 'mcpkit-full', 'mcpkit-full-stateless'];
const SDK = ['sdk-v1', 'sdk-v2'];

/** mcpkit row / SDK row, on calls/s, for every pair that ran. */
export interface Ratio {
  mcpkit: string;
  sdk: string;
  sequential: number;
  concurrent: number;
}

export function ratios(results: RowResult[]): Ratio[] {
  const byId = new Map(results.map((r) => [r.id, r.result]));
  const out: Ratio[] = [];
  for (const m of MCPKIT) {
    for (const s of SDK) {
      const a = byId.get(m);
      const b = byId.get(s);
      if (!a || !b) continue;
      out.push({
        mcpkit: m,
        sdk: s,
        sequential: a.sequential.callsPerSec / b.sequential.callsPerSec,
        concurrent: a.concurrent.callsPerSec / b.concurrent.callsPerSec,
      });
    }
  }
  return out;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const us = (n: number) => n.toFixed(2);
const x = (n: number) => `${n.toFixed(2)}x`;

function markdown(header: string[], rows: string[][], alignRightFrom = 1): string {
  const sep = header.map((_, i) => (i >= alignRightFrom ? '---:' : '---'));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The two tables (throughput, then ratios) as Markdown, ready for the terminal and the README. */
export function renderTables(results: RowResult[], inFlight: number): string {
  const rows = results.map((r) => {
    if (!r.result) return [r.label, `${r.status} (see below)`, '', '', ''];
    const { sequential: s, concurrent: c } = r.result;
    return [r.label, int(s.callsPerSec), us(s.usPerCall), int(c.callsPerSec), us(c.usPerCall)];
  });
  const throughput = markdown(
    ['row', 'sequential calls/s', 'µs/call', `${inFlight} in flight calls/s`, 'µs/call'],
    rows,
  );
  const label = new Map(results.map((r) => [r.id, r.label]));
  const ratioRows = ratios(results).map((r) => [
    `${label.get(r.mcpkit)} / ${label.get(r.sdk)}`,
    x(r.sequential),
    x(r.concurrent),
  ]);
  const ratioTable = markdown(
    ['ratio (calls/s)', 'sequential', `${inFlight} in flight`],
    ratioRows,
  );
  return `${throughput}\n\n${ratioTable}`;
}
