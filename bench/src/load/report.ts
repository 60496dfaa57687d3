import { CELLS, type Cell, COLUMN_LABELS, type Column, SERVER_LABELS } from './cells.js';
import type { PhaseResult } from './phases.js';
import type { CellResult } from './run-cell.js';

/** One cell's figures: the median over passes of each figure, plus the raw passes. */
export interface CellSummary {
  id: string;
  server: string;
  column: Column;
  status: 'ok' | 'failed' | 'not run';
  reason?: string;
  coldStartMs?: number;
  p50Us?: number;
  p99Us?: number;
  /** calls/s by in-flight count */
  callsPerSec?: Record<number, number>;
  /** server CPU µs per call by in-flight count */
  cpuUsPerCall?: Record<number, number>;
  bigMibPerSec?: number;
  bigKb?: number;
  peakRssMiB?: number;
  sessionKiB?: number;
  sessionsPerSec?: number;
  coldStartSamples?: number[];
  passes: CellResult[];
}

const median = (values: number[]): number | undefined => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
};

function byInFlight(passes: CellResult[], pick: (p: PhaseResult) => number) {
  const out: Record<number, number> = {};
  const counts = new Set(passes.flatMap((r) => r.phases?.map((p) => p.inFlight) ?? []));
  for (const n of counts) {
    const m = median(
      passes.flatMap((r) => r.phases?.filter((p) => p.inFlight === n).map(pick) ?? []),
    );
    if (m !== undefined) out[n] = m;
  }
  return out;
}

export function summarize(
  cell: Cell,
  passes: CellResult[],
  coldStartSamples: number[] | undefined,
): CellSummary {
  const base = {
    id: cell.id,
    server: cell.server,
    column: cell.column,
    passes,
    coldStartSamples,
    coldStartMs: median(coldStartSamples ?? []),
  };
  const ok = passes.filter((r) => r.status === 'ok');
  if (cell.coldOnly) return { ...base, status: base.coldStartMs === undefined ? 'failed' : 'ok' };
  if (passes.length === 0) return { ...base, status: 'not run' };
  if (ok.length === 0) return { ...base, status: 'failed', reason: passes[0]?.reason };
  const m = (pick: (r: CellResult) => number | undefined) =>
    median(ok.map(pick).filter((x): x is number => x !== undefined));
  const sequential = (r: CellResult) => r.phases?.find((p) => p.inFlight === 1);
  const kib = m((r) => r.sessions?.heapBytesPerSession);
  return {
    ...base,
    status: 'ok',
    p50Us: m((r) => sequential(r)?.p50Us),
    p99Us: m((r) => sequential(r)?.p99Us),
    callsPerSec: byInFlight(ok, (p) => p.callsPerSec),
    cpuUsPerCall: byInFlight(ok, (p) => p.serverCpuUsPerCall),
    bigMibPerSec: m((r) => r.big?.mibPerSec),
    bigKb: ok[0]?.big?.kb,
    peakRssMiB: m((r) => (r.peakRssKiB === undefined ? undefined : r.peakRssKiB / 1024)),
    sessionKiB: kib === undefined ? undefined : kib / 1024,
    sessionsPerSec: m((r) => r.sessions?.perSec),
  };
}

/** mcpkit against a reference cell, per figure (>1 is better for mcpkit in every column). */
export interface LoadRatio {
  column: Column;
  against: string;
  /** mcpkit calls/s ÷ theirs, by in-flight count */
  throughput: Record<number, number>;
  /** mcpkit CPU per call ÷ theirs at the highest in-flight count (<1 is better) */
  cpuPerCall?: number;
  /** mcpkit cold start ÷ theirs (<1 is better) */
  coldStart?: number;
}

/** The reference cells for a column: the SDKs of that column, and the floor of its transport. */
function references(column: Column): string[] {
  const floors = column === 'stdio' ? ['floor:stdio', 'floor-zod:stdio'] : ['floor:http'];
  return [`sdk-v1:${column}`, `sdk-v2:${column}`, ...floors];
}

export function loadRatios(summaries: CellSummary[]): LoadRatio[] {
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const out: LoadRatio[] = [];
  for (const mine of summaries) {
    if (mine.server !== 'mcpkit' || mine.status !== 'ok') continue;
    for (const id of references(mine.column)) {
      const other = byId.get(id);
      if (other?.status !== 'ok') continue;
      const throughput: Record<number, number> = {};
      for (const [n, v] of Object.entries(mine.callsPerSec ?? {})) {
        const theirs = other.callsPerSec?.[Number(n)];
        if (theirs) throughput[Number(n)] = v / theirs;
      }
      const top = Math.max(...Object.keys(mine.cpuUsPerCall ?? {}).map(Number));
      const cpuMine = mine.cpuUsPerCall?.[top];
      const cpuTheirs = other.cpuUsPerCall?.[top];
      out.push({
        column: mine.column,
        against: id,
        throughput,
        cpuPerCall: cpuMine && cpuTheirs ? cpuMine / cpuTheirs : undefined,
        coldStart:
          mine.coldStartMs && other.coldStartMs ? mine.coldStartMs / other.coldStartMs : undefined,
      });
    }
  }
  return out;
}

const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const x = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(2)}×`);

function markdown(header: string[], rows: string[][]): string {
  const sep = header.map((_, i) => (i >= 2 ? '---:' : '---'));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const cellLabel = (id: string) => {
  const cell = CELLS.find((c) => c.id === id);
  if (!cell) return id;
  return cell.server === 'floor' && cell.id === 'floor:http'
    ? 'bare node:http'
    : SERVER_LABELS[cell.server];
};

/** The figures table: one row per cell, grouped by transport. */
export function renderLoadTable(summaries: CellSummary[], inFlights: number[]): string {
  const [lo, mid, hi] = [inFlights[0] ?? 1, inFlights[1] ?? 16, inFlights[2] ?? 64];
  const bigKb = summaries.find((s) => s.bigKb)?.bigKb ?? 64;
  const rows = summaries.map((s) => {
    const head = [COLUMN_LABELS[s.column], cellLabel(s.id)];
    if (s.status !== 'ok') return [...head, `${s.status}: ${(s.reason ?? '').slice(0, 80)}`];
    return [
      ...head,
      fmt(s.coldStartMs),
      fmt(s.p50Us),
      fmt(s.p99Us),
      fmt(s.callsPerSec?.[lo]),
      fmt(s.callsPerSec?.[mid]),
      fmt(s.callsPerSec?.[hi]),
      fmt(s.cpuUsPerCall?.[hi], 1),
      fmt(s.bigMibPerSec),
      fmt(s.peakRssMiB),
      fmt(s.sessionKiB, 1),
      fmt(s.sessionsPerSec),
    ];
  });
  return markdown(
    [
      'transport',
      'server',
      'cold start ms',
      `p50 µs (${lo})`,
      `p99 µs (${lo})`,
      `calls/s ${lo}`,
      `calls/s ${mid}`,
      `calls/s ${hi}`,
      `server CPU µs/call (${hi})`,
      `big ${bigKb} KiB MiB/s`,
      'peak RSS MiB',
      'idle session KiB',
      'sessions/s',
    ],
    rows,
  );
}

/** The ratios table: mcpkit against each SDK and the floor of the same transport. */
export function renderLoadRatios(ratios: LoadRatio[], inFlights: number[]): string {
  const rows = ratios.map((r) => [
    COLUMN_LABELS[r.column],
    `mcpkit / ${cellLabel(r.against)}`,
    ...inFlights.map((n) => x(r.throughput[n])),
    x(r.cpuPerCall),
    x(r.coldStart),
  ]);
  return markdown(
    [
      'transport',
      'ratio',
      ...inFlights.map((n) => `calls/s ${n}`),
      `CPU/call (${inFlights.at(-1)})`,
      'cold start',
    ],
    rows,
  );
}

/** The targets, each checked against this run. */
export function checkTargets(summaries: CellSummary[], ratios: LoadRatio[], top: number): string[] {
  const ratio = (column: Column, against: string) =>
    ratios.find((r) => r.column === column && r.against === against);
  const lines: string[] = [];
  const check = (
    label: string,
    value: number | undefined,
    ok: (v: number) => boolean,
    unit = '×',
  ) =>
    lines.push(
      value === undefined
        ? `- [ ] ${label}: not measured`
        : `- [${ok(value) ? 'x' : ' '}] ${label}: ${value.toFixed(2)}${unit}`,
    );
  for (const [column, want] of [
    ['stdio', 3],
    ['http-stateful', 3],
    ['http-stateless', 10],
  ] as const) {
    check(
      `calls/s at ${top} in flight ≥ ${want}× SDK v2, ${COLUMN_LABELS[column]}`,
      ratio(column, `sdk-v2:${column}`)?.throughput[top],
      (v) => v >= want,
    );
  }
  for (const column of ['stdio', 'http-stateful', 'http-stateless', 'http-2026'] as const) {
    const floor = column === 'stdio' ? 'floor:stdio' : 'floor:http';
    check(
      `server CPU per call ≤ 2.5× the floor, ${COLUMN_LABELS[column]}`,
      ratio(column, floor)?.cpuPerCall,
      (v) => v <= 2.5,
    );
  }
  const session = summaries.find((s) => s.id === 'mcpkit:http-stateful')?.sessionKiB;
  check('idle HTTP session ≤ 5 KiB', session, (v) => v <= 5, ' KiB');
  for (const column of ['stdio', 'http-stateful'] as const) {
    const floor = column === 'stdio' ? 'floor:stdio' : 'floor:http';
    check(
      `cold start ≤ 1.5× bare Node, ${COLUMN_LABELS[column]}`,
      ratio(column, floor)?.coldStart,
      (v) => v <= 1.5,
    );
  }
  // Not a target of its own: how much of the cold start is mcpkit once its tools' schema
  // library (zod, which every framework row imports) is counted as part of the floor.
  const withZod = ratio('stdio', 'floor-zod:stdio')?.coldStart;
  if (withZod !== undefined) {
    lines.push(`- (reference) cold start against bare Node + zod, stdio: ${withZod.toFixed(2)}×`);
  }
  return lines;
}
