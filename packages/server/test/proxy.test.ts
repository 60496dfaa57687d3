import { fileURLToPath } from 'node:url';
import { createClient } from '@mcpkit/client';
import { serveHttp } from '@mcpkit/http/node';
import { type BackendFactory, createProxy, createServer } from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/stdio-backend.ts', import.meta.url));
const everything = fileURLToPath(
  new URL('../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url),
);

/** Our own server as a child process, run from source. */
const child = {
  command: process.execPath,
  args: ['--import', 'tsx', fixture],
  cwd: repoRoot,
  env: { TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.json` },
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of open.splice(0).reverse()) await c.close();
});

const text = (r: { content: unknown[] }) => (r.content[0] as { text: string }).text;
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createProxy()', () => {
  test('a stdio backend: a child process per proxy-side connection, each ended with it', async () => {
    const proxy = createProxy(child, { clientOptions: { stderr: 'pipe' } });
    open.push(proxy);
    const a = await createClient(proxy, { mode: 'handshake' });
    const b = await createClient(proxy, { mode: 'handshake' });
    open.push(a, b);
    expect((await a.listTools()).map((t) => t.name)).toEqual(['pid', 'greet']);
    expect(text(await a.callTool('greet', { name: 'Ada' }))).toBe('Hello, Ada!');
    const pidA = Number(text(await a.callTool('pid')));
    const pidB = Number(text(await b.callTool('pid')));
    expect(pidA).not.toBe(pidB);
    expect(Number(text(await a.callTool('pid')))).toBe(pidA);
    expect(await b.readResource('child://info')).toEqual({
      contents: [{ uri: 'child://info', mimeType: 'text/plain', text: 'from a child process' }],
    });
    await a.close();
    for (let i = 0; i < 100 && isAlive(pidA); i++) await wait(20);
    expect([isAlive(pidA), isAlive(pidB)]).toEqual([false, true]);
  }, 30_000);

  test('a stdio backend that dies is started again on the next request', async () => {
    const proxy = createProxy(child, { shareBackend: true, clientOptions: { stderr: 'pipe' } });
    open.push(proxy);
    const client = await createClient(proxy, { mode: 'handshake' });
    open.push(client);
    const first = Number(text(await client.callTool('pid')));
    process.kill(first, 'SIGKILL');
    for (let i = 0; i < 100 && isAlive(first); i++) await wait(20);
    await wait(50);
    const second = Number(text(await client.callTool('pid')));
    expect(second).not.toBe(first);
    expect(isAlive(second)).toBe(true);
  }, 30_000);

  test('the official everything server over stdio, sampling passed back to our client', async () => {
    const proxy = createProxy(
      { command: process.execPath, args: [everything, 'stdio'] },
      { name: 'everything-proxy', clientOptions: { stderr: 'pipe' } },
    );
    open.push(proxy);
    const client = await createClient(proxy, {
      mode: 'handshake',
      handlers: {
        sampling: () => ({
          role: 'assistant',
          content: { type: 'text', text: 'sampled!' },
          model: 'test-model',
        }),
      },
    });
    open.push(client);
    // Tools offered to sampling-capable clients are registered after initialize.
    let names: string[] = [];
    for (let i = 0; i < 100 && !names.includes('trigger-sampling-request'); i++) {
      names = (await client.listTools()).map((t) => t.name);
      if (!names.includes('trigger-sampling-request')) await wait(20);
    }
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'trigger-sampling-request']));
    expect(text(await client.callTool('echo', { message: 'hi' }))).toBe('Echo: hi');
    expect(text(await client.callTool('get-sum', { a: 2, b: 3 }))).toMatch(/5/);
    const sampled = text(await client.callTool('trigger-sampling-request', { prompt: 'x' }));
    expect(sampled).toMatch(/^LLM sampling result: /);
    expect(JSON.parse(sampled.slice('LLM sampling result: '.length))).toEqual({
      role: 'assistant',
      content: { type: 'text', text: 'sampled!' },
      model: 'test-model',
    });
    const prompt = await client.getPrompt('simple-prompt');
    expect(prompt.messages[0]?.role).toBe('user');
    const [resource] = await client.listResources();
    const read = await client.readResource(resource!.uri);
    expect(read.contents[0]?.uri).toBe(resource!.uri);
  }, 30_000);

  test('an HTTP backend, mounted with a prefix and a transformed tool', async () => {
    const backend = createServer({ name: 'b', version: '1' }).tool(
      'search',
      { input: z.object({ q: z.string(), key: z.string() }) },
      ({ q, key }) => `${q} (${key})`,
    );
    const http = await serveHttp(backend, { port: 0 });
    open.push(http);
    const main = createServer({ name: 'main', version: '1' })
      .tool('local', {}, () => 'local')
      .mount(createProxy(http.url), { prefix: 'remote' })
      .transformTool('remote_search', {
        name: 'find',
        args: { key: { hide: true, value: 'secret' } },
        hideOriginal: true,
      });
    open.push(main);
    const client = await createClient(main);
    open.push(client);
    expect((await client.listTools()).map((t) => t.name)).toEqual(['local', 'find']);
    expect(text(await client.callTool('find', { q: 'cats' }))).toBe('cats (secret)');
  });

  test('an mcpServers config: one server, each backend prefixed by its name', async () => {
    const a = createServer({ name: 'a', version: '1' })
      .tool('hello', {}, () => 'from a')
      .resource('data://x', {}, () => 'ax');
    const b = createServer({ name: 'b', version: '1' }).tool('hello', {}, () => 'from b');
    const proxy = createProxy({ mcpServers: { a, b } }, { name: 'hub' });
    open.push(proxy);
    const client = await createClient(proxy, { mode: 'handshake' });
    open.push(client);
    expect(client.serverInfo).toEqual({ name: 'hub', version: '0.1.0' });
    expect((await client.listTools()).map((t) => t.name)).toEqual(['a_hello', 'b_hello']);
    expect(text(await client.callTool('b_hello'))).toBe('from b');
    expect(await client.readResource('data://a/x')).toEqual({
      contents: [{ uri: 'data://a/x', mimeType: 'text/plain', text: 'ax' }],
    });
    const single = createProxy({ mcpServers: { only: a } });
    open.push(single);
    const direct = await createClient(single);
    open.push(direct);
    expect((await direct.listTools()).map((t) => t.name)).toEqual(['hello']);
  });

  test('a client factory makes each backend connection; a given client is shared as is', async () => {
    const backend = createServer({ name: 'b', version: '1' }).tool('t', {}, () => 't');
    let made = 0;
    const factory: BackendFactory = (options) => {
      made++;
      return createClient(backend, options);
    };
    const proxy = createProxy(factory, { name: 'f' });
    open.push(proxy);
    const c1 = await createClient(proxy, { mode: 'handshake' });
    open.push(c1);
    expect(text(await c1.callTool('t'))).toBe('t');
    expect(made).toBe(2); // the discovery connection and c1's own

    const given = await createClient(backend);
    open.push(given);
    const sharing = createProxy(given);
    open.push(sharing);
    const c2 = await createClient(sharing, { mode: 'handshake' });
    open.push(c2);
    expect(text(await c2.callTool('t'))).toBe('t');
    await sharing.close();
    expect(given.closed).toBe(false);
  });

  test('a mounted proxy whose backend is down does not take the parent down, and comes back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const backend = () => createServer({ name: 'x', version: '1' }).tool('x', {}, () => 'x');
    const probe = await serveHttp(backend(), { port: 0 });
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const main = createServer({ name: 'main', version: '1' })
      .tool('local', {}, () => 'local')
      .mount(createProxy(probe.url, { name: 'gone' }), { prefix: 'gone' });
    open.push(main);
    const changes: string[] = [];
    const client = await createClient(main, {
      mode: 'handshake',
      handlers: { listChanged: (kind) => void changes.push(kind) },
    });
    open.push(client);
    expect((await client.listTools()).map((t) => t.name)).toEqual(['local']);
    expect(text(await client.callTool('local'))).toBe('local');
    expect(vi.mocked(console.error).mock.calls).toEqual([
      [
        `mcpkit: mounted server gone is unavailable: The backend MCP server (${probe.url}) is unavailable: fetch failed`,
      ],
    ]);
    const back = await serveHttp(backend(), { port });
    open.push(back);
    // The next request lists the backend again; clients that listed without it are told.
    expect((await client.listTools()).map((t) => t.name)).toEqual(['local', 'gone_x']);
    for (let i = 0; i < 100 && changes.length === 0; i++) await wait(10);
    expect(changes).toEqual(['tools']);
    expect(text(await client.callTool('gone_x'))).toBe('x');
  });

  test('subscriptions reach a mounted proxy under the inner URI; import() refuses an unlisted proxy', async () => {
    const backend = createServer({ name: 'b', version: '1' }).resource('state://n', {}, () => '1');
    const proxy = createProxy(backend, { name: 'inner' });
    const main = createServer({ name: 'main', version: '1' }).mount(proxy, { prefix: 'p' });
    open.push(main);
    const updated: string[] = [];
    const client = await createClient(main, {
      mode: 'handshake',
      handlers: { resourceUpdated: (uri) => void updated.push(uri) },
    });
    open.push(client);
    await client.subscribeResource('state://p/n');
    for (let i = 0; i < 100 && updated.length === 0; i++) {
      backend.notifyResourceUpdated('state://n');
      await wait(10);
    }
    expect(updated[0]).toBe('state://p/n');
    const fresh = createProxy(backend, { name: 'fresh' });
    open.push(fresh);
    expect(() => createServer({ name: 'm', version: '1' }).import(fresh)).toThrow(
      'import() copies what fresh offers now, and it has not listed its backend yet; mount() it instead',
    );
  });
});
