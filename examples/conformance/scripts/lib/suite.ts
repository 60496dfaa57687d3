import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  findCheckFiles,
  judge,
  readChecks,
  type ScenarioResult,
  serverScenarioFromDir,
} from './checks.js';
import { run } from './processes.js';

/** How to invoke the pinned suite. */
export interface Suite {
  node: string;
  cli: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Scenario names from `list`, with their applicability tags. */
export async function listScenarios(
  suite: Suite,
  args: string[],
): Promise<Array<{ name: string; tags: string[] }>> {
  const out = await run(suite.node, [suite.cli, 'list', ...args], {
    cwd: suite.cwd,
    env: suite.env,
    timeoutMs: 30_000,
  });
  if (out.code !== 0) throw new Error(`conformance list ${args.join(' ')} failed (${out.code})`);
  return [...out.stdout.matchAll(/^\s+- (\S+) \[([^\]]*)\]/gm)].map((m) => ({
    name: m[1]!,
    tags: m[2]!.split(','),
  }));
}

/** One server leg: a suite run (or one run per scenario) whose checks.json files are judged. */
export async function runServerLeg(
  suite: Suite,
  leg: {
    name: string;
    wire: string;
    url: string;
    outDir: string;
    expected: string[];
    /** drop scenarios outside `expected` (a suite run that also covers other legs' scenarios) */
    onlyExpected?: boolean;
  },
  invocations: string[][],
  timeoutMs: number,
): Promise<ScenarioResult[]> {
  mkdirSync(leg.outDir, { recursive: true });
  const problems: Record<string, string> = {};
  for (const [i, args] of invocations.entries()) {
    const out = await run(
      suite.node,
      [suite.cli, 'server', '--url', leg.url, ...args, '-o', leg.outDir],
      { cwd: suite.cwd, env: suite.env, timeoutMs, logFile: join(leg.outDir, `suite-${i}.log`) },
    );
    if (out.timedOut) problems.timeout = `suite run ${args.join(' ')} killed after ${timeoutMs} ms`;
  }
  const byScenario = new Map<string, ScenarioResult>();
  for (const file of findCheckFiles(leg.outDir)) {
    const scenario = serverScenarioFromDir(basename(dirname(file)));
    if (leg.onlyExpected && !leg.expected.includes(scenario)) continue;
    byScenario.set(
      scenario,
      judgeFile(file, { leg: leg.name, wire: leg.wire, side: 'server', scenario }),
    );
  }
  for (const scenario of leg.expected) {
    if (!byScenario.has(scenario)) {
      const why = problems.timeout ?? 'the suite wrote no checks.json for it';
      byScenario.set(
        scenario,
        judge({ leg: leg.name, wire: leg.wire, side: 'server', scenario }, [], {
          'no-result': why,
        }),
      );
    }
  }
  return [...byScenario.values()];
}

/** One client scenario in its own suite process (parallel client runs are flaky on 2 cores). */
export async function runClientScenario(
  suite: Suite,
  leg: { name: string; wire: string; outDir: string; command: string },
  scenario: string,
  timeoutMs: number,
): Promise<ScenarioResult> {
  const outDir = join(leg.outDir, scenario.replaceAll('/', '__'));
  mkdirSync(outDir, { recursive: true });
  const args = [suite.cli, 'client', '--command', leg.command, '--scenario', scenario];
  if (leg.wire !== 'default') args.push('--spec-version', leg.wire);
  args.push('--timeout', '60000', '-o', outDir);
  const out = await run(suite.node, args, {
    cwd: suite.cwd,
    env: suite.env,
    timeoutMs,
    logFile: join(outDir, 'suite.log'),
    mergeStderr: true,
  });
  const base = { leg: leg.name, wire: leg.wire, side: 'client' as const, scenario };
  const file = findCheckFiles(outDir)[0];
  if (!file) {
    const why = out.timedOut ? `killed after ${timeoutMs} ms` : `suite exited ${out.code}`;
    return judge(base, [], { 'no-result': why });
  }
  // The suite also fails a single client run when the client process exits non-zero or times
  // out, even if every check passed; keep that visible instead of trusting the checks alone.
  const extra: Record<string, string> = {};
  if (out.timedOut) extra.timeout = `killed after ${timeoutMs} ms`;
  return judgeFile(file, base, extra, out.code !== 0 && out.stdout);
}

function judgeFile(
  file: string,
  base: Pick<ScenarioResult, 'leg' | 'wire' | 'side' | 'scenario'>,
  extra: Record<string, string> = {},
  failedOutput: string | false = false,
): ScenarioResult {
  let result: ScenarioResult;
  try {
    result = judge(base, readChecks(file), extra);
  } catch (err) {
    return judge(base, [], { ...extra, 'no-result': String(err) });
  }
  if (failedOutput !== false && result.failed.length === 0 && result.warned.length === 0) {
    const reason = /client (?:exited|process)[^\n]*/i.exec(failedOutput)?.[0] ?? 'suite exit 1';
    result = judge(base, readChecks(file), { ...extra, 'client-exit': reason });
  }
  return result;
}
