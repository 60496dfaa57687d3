import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const MIN_MAJOR = 22;

function major(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

/**
 * A Node >= 22 binary for the suite (it calls fs.globSync): CONFORMANCE_NODE if set, the current
 * node if new enough, else the one `npx -y node@22` provides (downloaded once, then cached).
 */
export function findNode22(): string {
  const candidates: Array<() => string | undefined> = [
    () => process.env.CONFORMANCE_NODE,
    () => (major(process.version) >= MIN_MAJOR ? process.execPath : undefined),
    () => {
      const r = spawnSync('npx', ['-y', `node@${MIN_MAJOR}`, '-p', 'process.execPath'], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      return r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined;
    },
  ];
  for (const candidate of candidates) {
    const path = candidate();
    if (!path || !existsSync(path)) continue;
    const r = spawnSync(path, ['-v'], { encoding: 'utf8', timeout: 10_000 });
    if (r.status === 0 && major(r.stdout.trim()) >= MIN_MAJOR) return path;
  }
  throw new Error(`No Node >= ${MIN_MAJOR} found (set CONFORMANCE_NODE or make npx work)`);
}
