// Child entry: runs one case in a fresh process and prints one JSON line (a CaseResult).
import { SkipCase } from './case.js';
import { isCaseId, loadCase } from './cases/index.js';
import type { LoopOptions, Rounds } from './measure.js';
import { measure } from './measure.js';

/** What a child reports back: its case, and every round it timed. */
export interface CaseResult {
  id: string;
  label: string;
  measures: string;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  rounds?: Rounds;
}

async function main(): Promise<CaseResult> {
  const [id = '', rawOptions = '{}'] = process.argv.slice(2);
  if (!isCaseId(id)) throw new Error(`unknown case ${id}`);
  const options = JSON.parse(rawOptions) as LoopOptions;
  const bench = await loadCase(id);
  const base = { id, label: bench.label, measures: bench.measures };
  let contender: Awaited<ReturnType<typeof bench.setup>>;
  try {
    contender = await bench.setup();
  } catch (error) {
    const status = error instanceof SkipCase ? 'skipped' : 'failed';
    return { ...base, status, reason: String((error as Error).message ?? error) };
  }
  try {
    return { ...base, status: 'ok', rounds: await measure(contender, options) };
  } finally {
    await contender.close();
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
