// `pnpm bench [--quick] [--suite=memory|load] [--only=id,id]`: the in-memory round-trip suite
// (each case in its own processes, interleaved) and the load suite (servers under load over
// stdio and Streamable HTTP); prints the tables and writes bench/results/latest.json.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CASE_IDS, type CaseId, isCaseId } from './cases/index.js';
import { CELLS } from './load/cells.js';
import { LOAD_FULL, LOAD_QUICK, type LoadReport, runLoadSuite } from './load/suite.js';
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
  passes: 2,
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

type Suite = 'memory' | 'load';
const CELL_IDS = CELLS.map((c) => c.id);

interface Args {
  quick: boolean;
  suites: Suite[];
  /** memory cases to run */
  only: CaseId[];
  /** load cells to run (undefined: all) */
  cells: string[] | undefined;
}

function parseArgs(argv: string[]): Args {
  let quick = false;
  let suites: Suite[] = ['memory', 'load'];
  let only: CaseId[] = [...CASE_IDS];
  let cells: string[] | undefined;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--suite=')) {
      const names = arg.slice('--suite='.length).split(',');
      if (names.some((n) => n !== 'memory' && n !== 'load'))
        throw new Error(`unknown suite in ${arg} (use memory, load)`);
      suites = names as Suite[];
    } else if (arg.startsWith('--only=')) {
      // Memory case ids and load cell ids (server:transport) may be mixed; a suite none of
      // whose ids is named does not run.
      const ids = arg.slice('--only='.length).split(',');
      const bad = ids.filter((id) => !isCaseId(id) && !CELL_IDS.includes(id));
      if (bad.length)
        throw new Error(
          `unknown id(s) ${bad.join(', ')}; known: ${[...CASE_IDS, ...CELL_IDS].join(', ')}`,
        );
      only = ids.filter(isCaseId);
      cells = ids.filter((id) => CELL_IDS.includes(id));
      suites = suites.filter((s) => (s === 'memory' ? only.length > 0 : cells!.length > 0));
    } else if (arg !== '--')
      throw new Error(`unknown argument ${arg} (use --quick, --suite=memory|load, --only=id,id)`);
  }
  return { quick, suites, only, cells };
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
  const { quick, suites, only, cells } = parseArgs(process.argv.slice(2));
  const options = quick ? QUICK : FULL;
  const loadOptions = quick ? LOAD_QUICK : LOAD_FULL;
  const loadBefore = loadavg()[0]!;
  const results = suites.includes('memory') ? await runAll(only, options) : [];
  const load: LoadReport | undefined = suites.includes('load')
    ? await runLoadSuite(loadOptions, cells)
    : undefined;
  const versions = {
    node: process.version,
    '@modelcontextprotocol/sdk': await version('@modelcontextprotocol/sdk'),
    '@modelcontextprotocol/server': await version('@modelcontextprotocol/server'),
    '@modelcontextprotocol/client': await version('@modelcontextprotocol/client'),
    '@modelcontextprotocol/node': await version('@modelcontextprotocol/node'),
  };
  const cpu = cpus()[0]?.model ?? 'unknown';
  const machine = {
    platform: process.platform,
    arch: process.arch,
    cpu,
    cores: cpus().length,
    load: { before: loadBefore, after: loadavg()[0]! },
  };
  const report = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    options,
    machine,
    versions,
    results,
    ratios: ratios(results),
    load: load && {
      options: load.options,
      cells: load.cells,
      ratios: load.ratios,
      targets: load.targets,
    },
  };
  await mkdir(`${benchDir}results`, { recursive: true });
  await writeFile(`${benchDir}results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  if (results.length > 0) {
    console.log(
      `\n## In memory: tools/call round trips\n\n${renderTables(results, options.inFlight)}\n`,
    );
    for (const r of results) {
      const note = r.status === 'ok' ? '' : ` — ${r.status}: ${r.reason}`;
      console.log(`- ${r.label}: ${r.measures}${note}`);
    }
  }
  if (load) console.log(`\n## Under load: servers over stdio and Streamable HTTP\n\n${load.text}`);
  console.log(
    `\n${report.mode} run · node ${process.version} · ${cpu} × ${machine.cores} · ` +
      `load avg ${machine.load.before.toFixed(2)} → ${machine.load.after.toFixed(2)} · ` +
      `SDK v1 ${versions['@modelcontextprotocol/sdk']} · SDK v2 ${versions['@modelcontextprotocol/server']}`,
  );
  console.log('\nwrote bench/results/latest.json');
  const failed =
    results.some((r) => r.status === 'failed') || load?.cells.some((c) => c.status === 'failed');
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
