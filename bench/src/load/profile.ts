// `pnpm --filter @mcpkit/bench profile <cell> [seconds] [in-flight]`: run one cell's server under
// `node --cpu-prof`, drive echo calls at `in-flight` for `seconds`, and print where the server's
// time went: self time by function and by source file (mcpkit's bundle is mapped back to its
// packages/*/src files). The .cpuprofile stays in bench/results/profiles/ for DevTools.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildServers, programPath } from './build.js';
import { findCell } from './cells.js';
import { start, stop } from './connect.js';
import { echoCall, runPhase } from './phases.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const profileDir = fileURLToPath(new URL('../../results/profiles/', import.meta.url));

/** Line → source file of the bundle, from esbuild's `// ../packages/x/src/y.ts` markers. */
async function bundleMap(path: string): Promise<(line: number) => string> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const starts: Array<[number, string]> = [];
  lines.forEach((text, i) => {
    const m = /^\/\/ (\.\.\/packages\/.+\.ts|src\/load\/.+\.ts)$/.exec(text);
    if (m) starts.push([i, (m[1] as string).replace('../packages/', '')]);
  });
  return (line) => {
    let file = 'bundle';
    for (const [at, name] of starts) {
      if (at > line) break;
      file = name;
    }
    return file;
  };
}

function table(title: string, totals: Map<string, number>, all: number, top: number): string {
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = rows.map(([k, v]) => `${((v / all) * 100).toFixed(1).padStart(5)}%  ${k}`);
  return `${title}\n${lines.join('\n')}`;
}

async function main(): Promise<void> {
  const [id = 'mcpkit:stdio', seconds = '8', inFlight = '64'] = process.argv.slice(2);
  const cell = findCell(id);
  if (!cell) throw new Error(`unknown cell ${id}`);
  await buildServers();
  await mkdir(profileDir, { recursive: true });
  const before = new Set(await readdir(profileDir));
  const flags = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const connected = await start(cell, Number(inFlight), flags);
  const { server, clients } = connected;
  let phase: Awaited<ReturnType<typeof runPhase>>;
  try {
    await runPhase(server, clients, echoCall, Number(inFlight), { calls: 5_000, maxMs: 3_000 });
    const limit = { calls: 10_000_000, maxMs: Number(seconds) * 1000 };
    phase = await runPhase(server, clients, echoCall, Number(inFlight), limit);
  } finally {
    await server.exit();
    await stop(connected);
  }
  const file = (await readdir(profileDir)).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no profile');
  const profile = JSON.parse(await readFile(`${profileDir}${file}`, 'utf8')) as CpuProfile;
  const where = await bundleMap(programPath(cell.server));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByFn = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((sample, i) => {
    const node = byId.get(sample);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const source = url.includes('mcpkit-bench/')
      ? where(lineNumber)
      : url.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '') || '(native)';
    const fn = `${functionName || '(anonymous)'}  ${source}`;
    if (functionName === '(idle)' || functionName === '(program)') return;
    all += dt;
    selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + dt);
    selfByFile.set(source, (selfByFile.get(source) ?? 0) + dt);
  });
  console.log(
    `${id}: ${Math.round(phase.callsPerSec)} calls/s at ${inFlight} in flight, ` +
      `${phase.serverCpuUsPerCall.toFixed(1)} µs server CPU per call; profile ${profileDir}${file}\n`,
  );
  console.log(table('self time by function (busy samples)', selfByFn, all, 40));
  console.log();
  console.log(table('self time by file', selfByFile, all, 25));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
