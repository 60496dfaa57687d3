import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

test('the quickstart pair prints the greeting and exits 0', async () => {
  const port = await freePort();
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=@mcpkit/source', '--import', 'tsx', main], {
    env: { ...process.env, PORT: String(port) },
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect({ code, stdout, stderr }).toEqual({
    code: 0,
    stdout: 'Connected: true\nTools: greet\nHello, mcpkit!\nDisconnected\n',
    stderr: `quickstart server listening on http://127.0.0.1:${port}/mcp\n`,
  });
}, 30_000);
