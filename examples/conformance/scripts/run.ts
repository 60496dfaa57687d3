/**
 * `pnpm conformance`: runs the pinned official MCP conformance suite against the everything-server
 * (both wires plus the extension scenarios) and the everything-client (one process per scenario),
 * prints a table and gates on the committed expected-failures baselines (which can only shrink).
 *
 * Options: --url <u> (test an already running server instead of starting ours),
 * --only server|client, --scenario <name> (repeatable; restricts every leg), --tsx (run the
 * client from source through tsx, exactly as `pnpm conformance:client`, instead of a bundle).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Baseline, type BaselineProblem, compare, readBaseline } from './lib/baseline.js';
import { judge, type ScenarioResult } from './lib/checks.js';
import { bundleClient } from './lib/client-bundle.js';
import { findNode22 } from './lib/node22.js';
import { start, stop, stopAll, stopChildrenOnSignals } from './lib/processes.js';
import { listScenarios, runClientScenario, runServerLeg, type Suite } from './lib/suite.js';
import { renderTable, renderTotals } from './lib/table.js';

const WIRES = ['2025-11-25', '2026-07-28'] as const;
const DEADLINE_MS = 280_000; // the whole run stays under 5 minutes, whatever hangs
const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, '..');
const repoRoot = resolve(pkgDir, '../..');
const outRoot = join(repoRoot, 'conformance-results');

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    only: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    tsx: { type: 'boolean', default: false },
  },
});
const startedAt = Date.now();
const remaining = (capMs: number) =>
  Math.max(0, Math.min(capMs, DEADLINE_MS - (Date.now() - startedAt)));
const wanted = (name: string) => !opts.scenario || opts.scenario.includes(name);

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail()));
    });
  });
}

/** Polls until the server answers any HTTP status (bounded: 20 s, or the child exits). */
async function waitForServer(url: string, alive: () => boolean): Promise<void> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'ping' });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (!alive()) throw new Error('everything-server exited before answering');
    try {
      await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`everything-server did not answer at ${url} within 20 s`);
}

async function main(): Promise<number> {
  stopChildrenOnSignals();
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(outRoot, { recursive: true });
  const tsconfig = join(pkgDir, 'tsconfig.json');
  const env = { ...process.env, TSX_TSCONFIG_PATH: tsconfig, NO_COLOR: '1', FORCE_COLOR: '0' };
  const suite: Suite = {
    node: findNode22(),
    cli: join(pkgDir, 'node_modules/@modelcontextprotocol/conformance/dist/index.js'),
    cwd: pkgDir,
    env,
  };
  const baselines: Record<string, Baseline> = {
    main: readBaseline(join(pkgDir, 'expected-failures.yaml')),
    '2026-07-28': readBaseline(join(pkgDir, 'expected-failures.2026-07-28.yaml')),
  };
  const baselineOf = (r: ScenarioResult) =>
    baselines[r.wire === '2026-07-28' ? '2026-07-28' : 'main']!;
  const results: ScenarioResult[] = [];
  const legMs = new Map<string, number>();
  console.log(`suite: ${suite.cli}\nnode for the suite: ${suite.node}`);

  if (opts.only !== 'client') {
    let url = opts.url;
    let server: ReturnType<typeof start> | undefined;
    if (!url) {
      const port = await freePort();
      url = `http://127.0.0.1:${port}/mcp`;
      server = start(
        process.execPath,
        ['--import', 'tsx', join(pkgDir, 'src/everything-server.ts'), '--port', String(port)],
        {
          cwd: pkgDir,
          env,
          logFile: join(outRoot, 'everything-server.log'),
        },
      );
      await waitForServer(url, () => server!.exitCode === null);
    }
    console.log(`server under test: ${url}`);
    try {
      for (const wire of WIRES) {
        const expected = (await listScenarios(suite, ['--server', '--spec-version', wire]))
          .map((s) => s.name)
          .filter(wanted);
        const invocations = opts.scenario
          ? expected.map((s) => ['--scenario', s, '--spec-version', wire])
          : [['--suite', 'all', '--spec-version', wire]];
        const leg = {
          name: `server ${wire}`,
          wire,
          url,
          outDir: join(outRoot, `server-${wire}`),
          expected,
        };
        const began = Date.now();
        if (expected.length > 0)
          results.push(...(await runServerLeg(suite, leg, invocations, remaining(180_000))));
        legMs.set(leg.name, Date.now() - began);
      }
      // Extension scenarios (tasks-*, sep-2640-*) run at their inferred version (2026-07-28).
      // `--suite pending` holds them all, plus four scenarios the wire legs already cover.
      const extensions = (await listScenarios(suite, ['--server']))
        .filter((s) => s.tags.includes('extension') && wanted(s.name))
        .map((s) => s.name);
      const leg = {
        name: 'server extensions',
        wire: 'extension',
        url,
        outDir: join(outRoot, 'server-extensions'),
        expected: extensions,
        onlyExpected: true,
      };
      const invocations = opts.scenario
        ? extensions.map((s) => ['--scenario', s])
        : [['--suite', 'pending']];
      const began = Date.now();
      if (extensions.length > 0) {
        results.push(...(await runServerLeg(suite, leg, invocations, remaining(120_000))));
      }
      legMs.set(leg.name, Date.now() - began);
    } finally {
      if (server) await stop(server);
    }
  }

  if (opts.only !== 'server') {
    const entry = join(pkgDir, 'src/everything-client.ts');
    let command = `${process.execPath} --import tsx ${entry}`;
    if (!opts.tsx) {
      const bundle = join(outRoot, 'everything-client.mjs');
      await bundleClient(entry, tsconfig, bundle);
      command = `${process.execPath} ${bundle}`;
    }
    console.log(`client command: ${command}`);
    // In-scope scenarios first, auth/* (baselined for now) last: if the run deadline is hit on a
    // slow machine, only baselined scenarios go without a result.
    const queue: Array<{ wire: string; scenario: string; order: number }> = [];
    for (const wire of WIRES) {
      for (const { name } of await listScenarios(suite, ['--client', '--spec-version', wire])) {
        if (wanted(name)) queue.push({ wire, scenario: name, order: queue.length });
      }
    }
    const authLast = (q: { scenario: string; order: number }) =>
      (q.scenario.startsWith('auth/') ? 1e6 : 0) + q.order;
    const clientResults: Array<{ order: number; result: ScenarioResult }> = [];
    for (const q of queue.sort((a, b) => authLast(a) - authLast(b))) {
      const leg = {
        name: `client ${q.wire}`,
        wire: q.wire,
        outDir: join(outRoot, `client-${q.wire}`),
        command,
      };
      const began = Date.now();
      const result =
        remaining(75_000) < 5_000
          ? judge({ leg: leg.name, wire: q.wire, side: 'client', scenario: q.scenario }, [], {
              'no-result': 'run deadline reached',
            })
          : await runClientScenario(suite, leg, q.scenario, remaining(75_000));
      legMs.set(leg.name, (legMs.get(leg.name) ?? 0) + Date.now() - began);
      clientResults.push({ order: q.order, result });
    }
    clientResults.sort((a, b) => a.order - b.order);
    results.push(...clientResults.map((c) => c.result));
  }

  const problems: BaselineProblem[] = [];
  for (const [key, baseline] of Object.entries(baselines)) {
    problems.push(
      ...compare(
        results.filter((r) => baselineOf(r) === baselines[key]),
        baseline,
      ),
    );
  }
  const table = renderTable(results, baselineOf);
  const totals = renderTotals(results, baselineOf, legMs);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(['', ...table, '', ...totals, '', `total time: ${seconds} s`].join('\n'));
  for (const r of results.filter((x) => x.failed.length + x.warned.length > 0)) {
    for (const [id, msg] of Object.entries(r.messages)) {
      if (msg)
        console.log(
          `  ${r.side} ${r.scenario} [${r.wire}] ${id}: ${msg.split('\n')[0]!.slice(0, 200)}`,
        );
    }
  }
  writeFileSync(
    join(outRoot, 'summary.md'),
    [...table, '', ...totals, '', `total time: ${seconds} s`, ''].join('\n'),
  );
  writeFileSync(
    join(outRoot, 'summary.json'),
    `${JSON.stringify({ seconds: Number(seconds), results, problems }, null, 2)}\n`,
  );
  if (problems.length === 0) {
    console.log('\nconformance: OK (every failure is baselined, no baseline entry is stale)');
    return 0;
  }
  console.log('');
  for (const p of problems) {
    const tag = p.kind === 'stale' ? 'STALE BASELINE' : 'UNEXPECTED';
    console.log(`${tag} (${p.file.slice(pkgDir.length + 1)}): ${p.message}`);
  }
  return 1;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (err: unknown) => {
    console.error(err);
    await stopAll();
    process.exitCode = 1;
  });
