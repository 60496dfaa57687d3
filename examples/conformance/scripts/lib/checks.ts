import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of a scenario's checks.json (only the fields the runner reads). */
export interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'SKIPPED' | 'INFO';
  errorMessage?: string;
}

export type Verdict = 'PASS' | 'FAIL' | 'WARN' | 'SKIP';

/** What one scenario did on one wire. */
export interface ScenarioResult {
  leg: string;
  wire: string;
  side: 'server' | 'client';
  scenario: string;
  verdict: Verdict;
  /** Ids of FAILURE checks (plus pseudo ids `no-result`, `client-exit`, `timeout`). */
  failed: string[];
  warned: string[];
  counts: { success: number; failure: number; warning: number; skipped: number };
  /** Check id → first error message, for the failure details. */
  messages: Record<string, string>;
}

// `wire-schema-valid` is appended to every scenario, so a scenario whose own checks were all
// SKIPPED would look green on it alone; such a scenario is reported as SKIP, not PASS.
const GENERIC_CHECKS = new Set(['wire-schema-valid']);

/** Verdict rules: any FAILURE → FAIL; else any WARNING → WARN; else a real SUCCESS → PASS. */
export function judge(
  base: Pick<ScenarioResult, 'leg' | 'wire' | 'side' | 'scenario'>,
  checks: Check[],
  extraFailures: Record<string, string> = {},
): ScenarioResult {
  const failed = new Set<string>();
  const warned = new Set<string>();
  const messages: Record<string, string> = { ...extraFailures };
  const counts = { success: 0, failure: 0, warning: 0, skipped: 0 };
  let ownSuccess = 0;
  for (const check of checks) {
    if (check.status === 'SUCCESS') {
      counts.success++;
      if (!GENERIC_CHECKS.has(check.id)) ownSuccess++;
    } else if (check.status === 'FAILURE') {
      counts.failure++;
      failed.add(check.id);
    } else if (check.status === 'WARNING') {
      counts.warning++;
      warned.add(check.id);
    } else if (check.status === 'SKIPPED') {
      counts.skipped++;
    }
    if ((check.status === 'FAILURE' || check.status === 'WARNING') && !(check.id in messages)) {
      messages[check.id] = check.errorMessage ?? '';
    }
  }
  for (const id of Object.keys(extraFailures)) failed.add(id);
  const verdict: Verdict =
    failed.size > 0 ? 'FAIL' : warned.size > 0 ? 'WARN' : ownSuccess > 0 ? 'PASS' : 'SKIP';
  return { ...base, verdict, failed: [...failed], warned: [...warned], counts, messages };
}

/** Every checks.json below dir (the suite nests `auth/...` scenario names in sub-folders). */
export function findCheckFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findCheckFiles(path));
    else if (name === 'checks.json') out.push(path);
  }
  return out;
}

/** Reads a checks.json; a broken file is reported as a failing pseudo check by the caller. */
export function readChecks(file: string): Check[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: not a JSON array`);
  return parsed as Check[];
}

/** `server-<scenario>-<ISO timestamp with : and . as ->` → scenario. */
export function serverScenarioFromDir(dirName: string): string {
  return dirName
    .replace(/^server-/, '')
    .replace(/-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/, '');
}
