// The load suite: every server × transport cell in a fresh driver process, interleaved over
// passes so a swing in machine load hits every cell alike.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildServers } from './build.js';
import { CELLS, type Cell } from './cells.js';
import {
  type CellSummary,
  checkTargets,
  type LoadRatio,
  loadRatios,
  renderLoadRatios,
  renderLoadTable,
  summarize,
} from './report.js';
import type { CellResult, LoadOptions } from './run-cell.js';

export interface LoadRunOptions extends LoadOptions {
  passes: number;
  /** cold starts per cell, interleaved across cells */
  coldRounds: number;
}

const phase = (inFlight: number, calls: number, maxMs: number) => ({ inFlight, calls, maxMs });

export const LOAD_FULL: LoadRunOptions = {
  passes: 3,
  coldRounds: 9,
  warmup: { calls: 6_000, maxMs: 2_000 },
  phases: [phase(1, 3_000, 1_200), phase(16, 12_000, 1_500), phase(64, 30_000, 2_000)],
  big: { kb: 64, inFlight: 16, calls: 1_000, maxMs: 1_000 },
  sessions: 1_000,
  sessionsInFlight: 16,
};

export const LOAD_QUICK: LoadRunOptions = {
  passes: 1,
  coldRounds: 1,
  warmup: { calls: 1_000, maxMs: 1_500 },
  phases: [phase(1, 500, 1_000), phase(16, 2_000, 1_000), phase(64, 4_000, 1_500)],
  big: { kb: 64, inFlight: 16, calls: 100, maxMs: 1_000 },
  sessions: 200,
  sessionsInFlight: 16,
};

const script = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));

/** A driver script in a fresh process (same loader as the parent): its last stdout line, parsed. */
function runDriver<T>(
  name: string,
  args: string[],
): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, script(name), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code === 0) return resolve({ ok: true, value: JSON.parse(last) as T });
      } catch {}
      const reason = err.trim().split('\n').slice(0, 3).join(' ') || `exit code ${code}`;
      resolve({ ok: false, reason });
    });
  });
}

/** One cell in a fresh driver process. */
async function runCellInChild(cell: Cell, options: LoadOptions): Promise<CellResult> {
  const run = await runDriver<CellResult>('run-cell', [cell.id, JSON.stringify(options)]);
  return run.ok ? run.value : { id: cell.id, status: 'failed', reason: run.reason };
}

export interface LoadReport {
  options: LoadRunOptions;
  cells: CellSummary[];
  ratios: LoadRatio[];
  targets: string[];
  text: string;
}

/** Build the server bundles, run every pass, summarize. */
export async function runLoadSuite(options: LoadRunOptions, only?: string[]): Promise<LoadReport> {
  const cells = CELLS.filter((c) => !only || only.includes(c.id));
  await buildServers();
  const { passes, coldRounds, ...cellOptions } = options;
  process.stderr.write(`load: ${coldRounds} cold start(s) per cell, interleaved…\n`);
  const cold = await runDriver<Record<string, number[]>>('run-cold', [
    cells.map((c) => c.id).join(','),
    String(coldRounds),
  ]);
  if (!cold.ok) process.stderr.write(`  cold starts failed: ${cold.reason}\n`);
  const results = new Map<string, CellResult[]>(cells.map((c) => [c.id, []]));
  for (let pass = 1; pass <= passes; pass++) {
    for (const cell of cells) {
      if (cell.coldOnly) continue;
      const previous = results.get(cell.id) as CellResult[];
      if (previous.some((r) => r.status === 'failed')) continue;
      process.stderr.write(`load pass ${pass}/${passes}: ${cell.id}…\n`);
      const result = await runCellInChild(cell, cellOptions);
      if (result.status !== 'ok') process.stderr.write(`  failed: ${result.reason}\n`);
      previous.push(result);
    }
  }
  const summaries = cells.map((c) =>
    summarize(c, results.get(c.id) ?? [], cold.ok ? cold.value[c.id] : undefined),
  );
  const ratios = loadRatios(summaries);
  const inFlights = options.phases.map((p) => p.inFlight);
  const top = inFlights.at(-1) ?? 64;
  const targets = checkTargets(summaries, ratios, top);
  const text = [
    renderLoadTable(summaries, inFlights),
    renderLoadRatios(ratios, inFlights),
    `Targets (this run):\n${targets.join('\n')}`,
  ].join('\n\n');
  return { options, cells: summaries, ratios, targets, text };
}
