import { type RpcClient, resultText } from './rpc.js';
import type { ProbeStats, ServerProcess } from './server-process.js';

/** A bounded phase: at most `calls` calls and at most `maxMs` ms, whichever ends first. */
export interface PhaseLimit {
  calls: number;
  maxMs: number;
}

/** What one timed phase measured. */
export interface PhaseResult {
  inFlight: number;
  calls: number;
  ms: number;
  callsPerSec: number;
  /** per-call latency percentiles, µs */
  p50Us: number;
  p99Us: number;
  /** server CPU (user + system) per call, µs, from the probe's process.cpuUsage() deltas */
  serverCpuUsPerCall: number;
}

export type Call = (rpc: RpcClient, n: number) => Promise<void>;

const ECHO_TEXT = 'hello, bench';

/** `echo {text}`, checked. */
export const echoCall: Call = async (rpc) => {
  const text = resultText(await rpc.callTool('echo', { text: ECHO_TEXT }));
  if (text !== ECHO_TEXT) throw new Error(`echo mismatch: ${JSON.stringify(text)}`);
};

/** `add {a,b}`, checked. */
export const addCall: Call = async (rpc, n) => {
  const text = resultText(await rpc.callTool('add', { a: n, b: 0.5 }));
  if (text !== String(n + 0.5)) throw new Error(`add mismatch: ${text} for ${n} + 0.5`);
};

/** `big {kb}`, checked by length. */
export const bigCall =
  (kb: number): Call =>
  async (rpc) => {
    const text = resultText(await rpc.callTool('big', { kb }));
    if (text.length !== kb * 1024) throw new Error(`big: got ${text.length} chars for ${kb} KiB`);
  };

/** echo, add and 1 KiB big in turn: the warm-up mix, so every tool's path is compiled. */
export const mixedCall: Call = (rpc, n) =>
  n % 3 === 0 ? echoCall(rpc, n) : n % 3 === 1 ? addCall(rpc, n) : bigCall(1)(rpc, n);

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.floor(p * sorted.length));
  return sorted[at] as number;
}

const cpuUs = (s: ProbeStats) => s.cpuUserUs + s.cpuSystemUs;

/**
 * Run `call` with `inFlight` workers, each awaiting its own calls back to back (a closed loop),
 * until `limit` is reached. `clients` are shared round-robin by the workers.
 */
export async function runPhase(
  server: ServerProcess,
  clients: RpcClient[],
  call: Call,
  inFlight: number,
  limit: PhaseLimit,
): Promise<PhaseResult> {
  const latencies = new Float64Array(limit.calls);
  let issued = 0;
  let done = 0;
  const before = await server.probe();
  const start = performance.now();
  const deadline = start + limit.maxMs;
  const worker = async (w: number) => {
    const rpc = clients[w % clients.length] as RpcClient;
    while (issued < limit.calls) {
      const t0 = performance.now();
      if (t0 > deadline) return;
      const n = issued++;
      await call(rpc, n);
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, w) => worker(w)));
  const ms = performance.now() - start;
  const after = await server.probe();
  const sorted = latencies.subarray(0, done).sort();
  return {
    inFlight,
    calls: done,
    ms,
    callsPerSec: (done / ms) * 1000,
    p50Us: percentile(sorted, 0.5) * 1000,
    p99Us: percentile(sorted, 0.99) * 1000,
    serverCpuUsPerCall: (cpuUs(after) - cpuUs(before)) / done,
  };
}
