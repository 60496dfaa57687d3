import type { Contender } from './case.js';

/** Loop sizes; every loop is bounded by these counts. */
export interface LoopOptions {
  warmup: number;
  sequential: number;
  concurrent: number;
  inFlight: number;
  rounds: number;
}

/** One timed phase. For the concurrent phase µs/call is elapsed / calls (inverse throughput). */
export interface Phase {
  calls: number;
  ms: number;
  callsPerSec: number;
  usPerCall: number;
}

/** Every timed round of one process (or, merged, of every process run for a case). */
export interface Rounds {
  sequential: Phase[];
  concurrent: Phase[];
}

/** A row's figures: the median round of each phase, by calls/s, plus every sample behind it. */
export interface Measurement {
  sequential: Phase;
  concurrent: Phase;
  samples: Rounds;
}

const PAYLOAD = 'hello, bench';

async function checkedCall(contender: Contender): Promise<void> {
  const got = await contender.call(PAYLOAD);
  if (got !== PAYLOAD) throw new Error(`echo mismatch: got ${JSON.stringify(got)}`);
}

async function runSequential(contender: Contender, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) await checkedCall(contender);
}

/** `inFlight` workers, each awaiting its own calls back to back: `inFlight` requests always open. */
async function runConcurrent(contender: Contender, calls: number, inFlight: number): Promise<void> {
  const perWorker = calls / inFlight;
  const worker = () => runSequential(contender, perWorker);
  await Promise.all(Array.from({ length: inFlight }, worker));
}

async function timed(calls: number, run: () => Promise<void>): Promise<Phase> {
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  return { calls, ms, callsPerSec: (calls / ms) * 1000, usPerCall: (ms * 1000) / calls };
}

function median(phases: Phase[]): Phase {
  const sorted = [...phases].sort((a, b) => a.callsPerSec - b.callsPerSec);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median of each phase over all samples. */
export function summarize(samples: Rounds): Measurement {
  return {
    sequential: median(samples.sequential),
    concurrent: median(samples.concurrent),
    samples,
  };
}

/** Warm up, then time `rounds` rounds of a sequential and a concurrent phase. */
export async function measure(contender: Contender, options: LoopOptions): Promise<Rounds> {
  const { warmup, inFlight, rounds } = options;
  const concurrentCalls = Math.ceil(options.concurrent / inFlight) * inFlight;
  await runSequential(contender, warmup);
  await runConcurrent(contender, Math.ceil(warmup / inFlight) * inFlight, inFlight);
  const sequential: Phase[] = [];
  const concurrent: Phase[] = [];
  for (let round = 0; round < rounds; round++) {
    sequential.push(
      await timed(options.sequential, () => runSequential(contender, options.sequential)),
    );
    concurrent.push(
      await timed(concurrentCalls, () => runConcurrent(contender, concurrentCalls, inFlight)),
    );
  }
  return { sequential, concurrent };
}
