// `pnpm bench [--quick] [--only=id,id]`: runs each case in its own processes, interleaved,
// prints the tables and writes bench/results/latest.json.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CASE_IDS, type CaseId, isCaseId } from './cases/index.js';
import { type LoopOptions, type Rounds, summarize } from './measure.js';
import type { CaseResult } from './run-case.js';
import { type RowResult, ratios, renderTables } from './table.js';

/** `passes` fresh processes per case, run round-robin so load swings hit every case alike. */
interface RunOptions extends LoopOptions {
  passes: number;
}

// Warm-up is long on purpose: at 2 000 calls V8 has not yet optimised the fastest stacks,
// which then look slower than they are. Counts are fixed so every loop is bounded.
const FULL: RunOptions = {
  warmup: 10_000,
  sequential: 50_000,
  concurrent: 50_000,
  inFlight: 64,
  rounds: 2,
  passes: 3,
};
const QUICK: RunOptions = {
  warmup: 5_000,
  sequential: 5_000,
  concurrent: 5_000,
  inFlight: 64,
  rounds: 1,
  passes: 1,
};

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const runCase = fileURLToPath(new URL('./run-case.ts', import.meta.url));

function parseArgs(argv: string[]): { quick: boolean; only: CaseId[] } {
  let quick = false;
  let only: CaseId[] = [...CASE_IDS];
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) {
      const ids = arg.slice('--only='.length).split(',');
      const bad = ids.filter((id) => !isCaseId(id));
      if (bad.length)
        throw new Error(`unknown case(s) ${bad.join(', ')}; known: ${CASE_IDS.join(', ')}`);
      only = ids as CaseId[];
    } else if (arg !== '--') throw new Error(`unknown argument ${arg} (use --quick, --only=id,id)`);
  }
  return { quick, only };
}

/** One case in a fresh node process, with the same loader (`--import ./register.mjs`). */
function runInChild(id: CaseId, options: LoopOptions): Promise<CaseResult> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, runCase, id, JSON.stringify(options)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code === 0) return resolve(JSON.parse(last) as CaseResult);
      } catch {}
      const reason = err.trim().split('\n').slice(0, 3).join(' ') || `exit code ${code}`;
      resolve({ id, label: id, measures: '', status: 'failed', reason });
    });
  });
}

async function version(pkg: string): Promise<string | undefined> {
  try {
    const path = `${benchDir}node_modules/${pkg}/package.json`;
    return (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** Runs every pass; a case that skips or fails once is not run again. */
async function runAll(only: CaseId[], options: RunOptions): Promise<RowResult[]> {
  const { passes, ...loop } = options;
  const rows = new Map<CaseId, RowResult>();
  const samples = new Map<CaseId, Rounds>();
  for (let pass = 1; pass <= passes; pass++) {
    for (const id of only) {
      if (rows.get(id)?.status === 'skipped' || rows.get(id)?.status === 'failed') continue;
      process.stderr.write(`pass ${pass}/${passes}: ${id}…\n`);
      const { rounds, ...row } = await runInChild(id, loop);
      rows.set(id, row);
      if (!rounds) {
        process.stderr.write(`  ${row.status}: ${row.reason}\n`);
        continue;
      }
      const merged = samples.get(id) ?? { sequential: [], concurrent: [] };
      merged.sequential.push(...rounds.sequential);
      merged.concurrent.push(...rounds.concurrent);
      samples.set(id, merged);
    }
  }
  return only.map((id) => {
    const row = rows.get(id)!;
    const merged = samples.get(id);
    return row.status === 'ok' && merged ? { ...row, result: summarize(merged) } : row;
  });
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const options = quick ? QUICK : FULL;
  const loadBefore = loadavg()[0]!;
  const results = await runAll(only, options);
  const versions = {
    node: process.version,
    '@modelcontextprotocol/sdk': await version('@modelcontextprotocol/sdk'),
    '@modelcontextprotocol/server': await version('@modelcontextprotocol/server'),
    '@modelcontextprotocol/client': await version('@modelcontextprotocol/client'),
  };
  const cpu = cpus()[0]?.model ?? 'unknown';
  const load = { before: loadBefore, after: loadavg()[0]! };
  const machine = {
    platform: process.platform,
    arch: process.arch,
    cpu,
    cores: cpus().length,
    load,
  };
  const report = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    options,
    machine,
    versions,
    results,
    ratios: ratios(results),
  };
  await mkdir(`${benchDir}results`, { recursive: true });
  await writeFile(`${benchDir}results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${renderTables(results, options.inFlight)}\n`);
  console.log(
    `${report.mode} run · node ${process.version} · ${cpu} × ${machine.cores} · ` +
      `load avg ${load.before.toFixed(2)} → ${load.after.toFixed(2)} · ` +
      `SDK v1 ${versions['@modelcontextprotocol/sdk']} · SDK v2 ${versions['@modelcontextprotocol/server']}`,
  );
  for (const r of results) {
    const note = r.status === 'ok' ? '' : ` — ${r.status}: ${r.reason}`;
    console.log(`- ${r.label}: ${r.measures}${note}`);
  }
  console.log('\nwrote bench/results/latest.json');
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
