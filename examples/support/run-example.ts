import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * Run an example's `src/main.ts` as `pnpm start` does (from source, no build) and
 * return what it printed. `testFile` is the calling test's `import.meta.url`.
 */
export async function runExample(
  testFile: string,
  options: { timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  const root = fileURLToPath(new URL('..', testFile));
  const { stdout, stderr } = await exec(
    process.execPath,
    ['--conditions=@mcpkit/source', '--import', 'tsx', 'src/main.ts'],
    { cwd: root, timeout: options.timeoutMs ?? 15_000 },
  );
  return { stdout, stderr };
}
