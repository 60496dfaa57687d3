// Child entry of the load suite: cold starts, spawn to first answer, interleaved across cells
// (round after round, each cell once per round) so a swing in machine load hits every server
// alike. Prints one JSON line: every sample by cell id.
//   node --import ./register.mjs src/load/run-cold.ts <cell-id,cell-id,…> <rounds>
import { findCell } from './cells.js';
import { start, stop } from './connect.js';

async function main(): Promise<Record<string, number[]>> {
  const [ids = '', rounds = '1'] = process.argv.slice(2);
  const cells = ids.split(',').map((id) => {
    const cell = findCell(id);
    if (!cell) throw new Error(`unknown cell ${id}`);
    return cell;
  });
  const samples: Record<string, number[]> = Object.fromEntries(cells.map((c) => [c.id, []]));
  for (let round = 0; round < Number(rounds); round++) {
    for (const cell of cells) {
      const connected = await start(cell, 1);
      samples[cell.id]?.push(connected.firstAnswerMs);
      await stop(connected);
    }
  }
  return samples;
}

main().then(
  (samples) => process.stdout.write(`${JSON.stringify(samples)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
