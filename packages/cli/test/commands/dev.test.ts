import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { createClient } from '@mcpkit/client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { freePort, killAll, PACKAGE_DIR, runCli, startCli } from '../helpers/cli.js';

// Inside the package, so the scratch server resolves @mcpkit/server like any project file.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(PACKAGE_DIR, 'test', '.tmp-dev-'));
});
afterEach(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

const serverSource = (answer: string) => `import { createServer } from '@mcpkit/server';
export default createServer({ name: 'dev-fixture', version: '1.0.0' }).tool(
  'answer',
  { description: 'What the file says now' },
  () => '${answer}',
);
`;

async function callAnswer(url: string): Promise<unknown> {
  const client = await createClient(url);
  try {
    return (await client.callTool('answer', {})).data;
  } finally {
    await client.close();
  }
}

/** Can something listen on this port (i.e. did every server child let go of it)? */
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('mcpkit dev --no-inspector', () => {
  test('serves over HTTP, restarts on change on the same port, stops its child on SIGINT', async () => {
    const file = join(dir, 'server.ts');
    writeFileSync(file, serverSource('v1'));
    const port = await freePort();
    const dev = startCli(['dev', file, '--port', String(port), '--no-inspector'], { group: true });
    const url = `http://127.0.0.1:${port}/mcp`;
    await dev.waitFor(new RegExp(`^Server: {4}${url.replace(/\./g, '\\.')}\\n`));
    expect(await callAnswer(url)).toBe('v1');

    writeFileSync(file, serverSource('v2'));
    await dev.waitFor(/mcpkit dev: reloaded, serving at /);
    expect(await callAnswer(url)).toBe('v2');

    dev.child.kill('SIGINT');
    expect(await dev.exited()).toBe(0);
    expect(await portIsFree(port)).toBe(true);
    expect(dev.stdout()).toBe(`Server:    ${url}\n`);
    expect(dev.stderr()).toContain('mcpkit dev: server.ts changed; restarting\n');
  }, 60_000);

  test('a broken edit keeps dev alive; the next good edit brings the server back', async () => {
    const file = join(dir, 'server.ts');
    writeFileSync(file, serverSource('v1'));
    const port = await freePort();
    const dev = startCli(['dev', file, '--port', String(port), '--no-inspector'], { group: true });
    await dev.waitFor(/^Server: /m);
    writeFileSync(file, 'export const nothing = 1;\n');
    await dev.waitFor(/the server exited \(code 1\); waiting for a change to restart it\n/);
    writeFileSync(file, serverSource('v3'));
    await dev.waitFor(/reloaded, serving at /);
    expect(await callAnswer(`http://127.0.0.1:${port}/mcp`)).toBe('v3');
    dev.child.kill('SIGTERM');
    expect(await dev.exited()).toBe(0);
  }, 60_000);

  test('errors', async () => {
    expect(await runCli(['dev', join(dir, 'missing.ts'), '--no-inspector'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `mcpkit: file not found: ${join(dir, 'missing.ts')}\n`,
    });
    expect((await runCli(['dev', 'x.ts', '--inspector'])).stderr).toBe(
      'mcpkit dev: unknown flag --inspector (see mcpkit dev --help)\n',
    );
  }, 60_000);
});
