// Child entry of the load suite: drives one server × transport cell and prints one JSON line
// (cold starts are measured apart, interleaved across cells: run-cold.ts).
//   node --import ./register.mjs src/load/run-cell.ts <cell-id> <options-json>
// It spawns the server (bundled by main beforehand), speaks raw JSON-RPC to it, asks the
// probe inside it for CPU and memory, and kills it by pid before it exits.
import type { Pool } from 'undici';
import { type Cell, findCell } from './cells.js';
import { type Connected, start, stop } from './connect.js';
import {
  bigCall,
  echoCall,
  mixedCall,
  type PhaseLimit,
  type PhaseResult,
  runPhase,
} from './phases.js';
import { HttpRpc } from './rpc-http.js';
import { MCP_PATH } from './servers/workload.js';

/** Sizes of one cell's run; every loop is bounded by these. */
export interface LoadOptions {
  warmup: PhaseLimit;
  /** the echo phases: 1, 16 and 64 in flight */
  phases: Array<{ inFlight: number } & PhaseLimit>;
  big: { kb: number; inFlight: number } & PhaseLimit;
  /** idle sessions opened for the heap-per-session figure (HTTP with sessions only) */
  sessions: number;
  sessionsInFlight: number;
}

export interface CellResult {
  id: string;
  status: 'ok' | 'failed';
  reason?: string;
  phases?: PhaseResult[];
  big?: PhaseResult & { kb: number; mibPerSec: number };
  /** peak RSS of the server after the call phases, KiB */
  peakRssKiB?: number;
  /** heap after GC with one working session (or none), bytes */
  baseHeapBytes?: number;
  sessions?: { opened: number; perSec: number; heapBytesPerSession: number };
}

async function runCell(cell: Cell, options: LoadOptions): Promise<CellResult> {
  const maxInFlight = Math.max(...options.phases.map((p) => p.inFlight), options.big.inFlight);
  const connected = await start(cell, maxInFlight);
  const { server, clients } = connected;
  try {
    await runPhase(server, clients, mixedCall, maxInFlight, options.warmup);
    await runPhase(server, clients, echoCall, 1, {
      calls: Math.ceil(options.warmup.calls / 4),
      maxMs: options.warmup.maxMs / 4,
    });
    const phases: PhaseResult[] = [];
    for (const { inFlight, ...limit } of options.phases) {
      phases.push(await runPhase(server, clients, echoCall, inFlight, limit));
    }
    const { kb, inFlight, ...bigLimit } = options.big;
    const bigPhase = await runPhase(server, clients, bigCall(kb), inFlight, bigLimit);
    const big = { ...bigPhase, kb, mibPerSec: (bigPhase.callsPerSec * kb) / 1024 };
    const afterCalls = await server.probe('gc');
    const result: CellResult = {
      id: cell.id,
      status: 'ok',
      phases,
      big,
      peakRssKiB: afterCalls.maxRssKiB,
      baseHeapBytes: afterCalls.heapUsed,
    };
    if (cell.transport === 'http-stateful' && connected.pool) {
      result.sessions = await openSessions(connected, options);
    }
    return result;
  } finally {
    await stop(connected);
  }
}

/** Open idle sessions: sessions/s, then the heap they hold after GC, per session. */
async function openSessions(
  connected: Connected,
  options: LoadOptions,
): Promise<NonNullable<CellResult['sessions']>> {
  const { server, pool } = connected;
  const before = await server.probe('gc');
  let opened = 0;
  const start = performance.now();
  const worker = async () => {
    while (opened < options.sessions) {
      opened++;
      const id = await new HttpRpc(pool as Pool, MCP_PATH, 'stateful').openSession();
      if (id === undefined) throw new Error('the server answered initialize without a session id');
    }
  };
  await Promise.all(Array.from({ length: options.sessionsInFlight }, worker));
  const ms = performance.now() - start;
  const after = await server.probe('gc');
  return {
    opened,
    perSec: (opened / ms) * 1000,
    heapBytesPerSession: (after.heapUsed - before.heapUsed) / opened,
  };
}

async function main(): Promise<CellResult> {
  const [id = '', rawOptions = '{}'] = process.argv.slice(2);
  const cell = findCell(id);
  if (!cell) throw new Error(`unknown cell ${id}`);
  try {
    return await runCell(cell, JSON.parse(rawOptions) as LoadOptions);
  } catch (error) {
    return { id, status: 'failed', reason: String((error as Error).message ?? error) };
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
