import { createServer as createNetServer } from 'node:net';
import { createClient } from '@mcpkit/client';
import { afterEach, describe, expect, test } from 'vitest';
import {
  CLI,
  FIXTURES,
  freePort,
  killAll,
  NODE_ARGS,
  PACKAGE_DIR,
  QUICKSTART,
  runCli,
  SERVERS,
  startCli,
} from '../helpers/cli.js';

afterEach(killAll);

const stdioSource = (...args: string[]) => ({
  command: process.execPath,
  args: [...NODE_ARGS, CLI, 'run', ...args],
  cwd: PACKAGE_DIR,
});

describe('mcpkit run over stdio', () => {
  test('serves the default export to a client, round trip', async () => {
    const client = await createClient(stdioSource(SERVERS), { onStderr: () => {} });
    try {
      expect(client.serverInfo).toEqual({ name: 'fixture', version: '1.2.3' });
      expect((await client.listTools()).map((tool) => tool.name)).toEqual(['greet', 'add', 'fail']);
      const result = await client.callTool('greet', { name: 'Ada' });
      expect({ content: result.content, isError: result.isError, data: result.data }).toEqual({
        content: [{ type: 'text', text: 'Hello, Ada!' }],
        isError: false,
        data: 'Hello, Ada!',
      });
    } finally {
      await client.close();
    }
  }, 60_000);

  test('serves a named export, a factory and the quickstart example', async () => {
    for (const [source, tool, expected] of [
      [`${SERVERS}:tiny`, 'ping', 'pong'],
      [`${FIXTURES}/factory.ts`, 'hello', 'hello from a factory'],
      [QUICKSTART, 'greet', 'Hello, Ada!'],
    ] as const) {
      const client = await createClient(stdioSource(source), { onStderr: () => {} });
      try {
        const result = await client.callTool(tool, tool === 'greet' ? { name: 'Ada' } : {});
        expect(result.data).toBe(expected);
      } finally {
        await client.close();
      }
    }
  }, 60_000);

  test('keeps stdout for protocol only: console.log goes to stderr', async () => {
    const cli = startCli(['run', `${FIXTURES}/noisy.ts`]);
    const send = (message: object) => cli.child.stdin?.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'test', version: '1' },
      },
    });
    await cli.waitFor(/"id":1/);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'shout', arguments: {} } });
    await cli.waitFor(/"id":2/);
    cli.child.stdin?.end();
    expect(await cli.exited()).toBe(0);
    const lines = cli.stdout().trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual([1, 2]);
    expect(JSON.parse(lines[1] as string).result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(cli.stderr()).toBe(
      'noisy: loading\nmcpkit: serving noisy over stdio\nnoisy: in the tool\nnoisy: info too\n',
    );
  }, 60_000);
});

describe('mcpkit run over HTTP and SSE', () => {
  test('http on port 0: prints the URL, serves, stops on SIGTERM with exit 0', async () => {
    const cli = startCli(['run', SERVERS, '--transport', 'http', '--port', '0']);
    const [, url] = await cli.waitFor(
      /serving fixture over http at (http:\/\/127\.0\.0\.1:\d+\/mcp)\n/,
    );
    const client = await createClient(url as string);
    try {
      const result = await client.callTool('add', { a: 2, b: 3 });
      expect(result.structuredContent).toEqual({ sum: 5 });
    } finally {
      await client.close();
    }
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toBe(0);
    expect(cli.stdout()).toBe('');
  }, 60_000);

  test('http on a chosen port and path', async () => {
    const port = await freePort();
    const cli = startCli(['run', SERVERS, '-t', 'http', '-p', String(port), '--path', '/custom']);
    await cli.waitFor(new RegExp(`at http://127\\.0\\.0\\.1:${port}/custom\\n`));
    const client = await createClient(`http://127.0.0.1:${port}/custom`);
    try {
      expect((await client.listTools()).length).toBe(3);
    } finally {
      await client.close();
    }
    cli.child.kill('SIGINT');
    expect(await cli.exited()).toBe(0);
  }, 60_000);

  test('legacy sse', async () => {
    const cli = startCli(['run', `${SERVERS}:tiny`, '--transport', 'sse', '--port', '0']);
    const [, url] = await cli.waitFor(/over sse at (http:\/\/127\.0\.0\.1:\d+\/sse)\n/);
    const client = await createClient(url as string);
    try {
      expect((await client.callTool('ping', {})).data).toBe('pong');
    } finally {
      await client.close();
    }
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toBe(0);
  }, 60_000);
});

describe('mcpkit run errors: one line, exit 1 (usage: exit 2)', () => {
  test('file not found', async () => {
    expect(await runCli(['run', 'missing.ts'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `mcpkit: file not found: ${PACKAGE_DIR}/missing.ts\n`,
    });
  }, 60_000);

  test('no server exported lists what was exported', async () => {
    expect(await runCli(['run', `${FIXTURES}/no-server.ts`])).toEqual({
      code: 1,
      stdout: '',
      stderr: `mcpkit: no server exported by ${FIXTURES}/no-server.ts; it exports: answer, helper (export a createServer(...) value, as default or named)\n`,
    });
  }, 60_000);

  test('several servers: asks for one', async () => {
    const file = `${FIXTURES}/two-servers.ts`;
    expect(await runCli(['run', file])).toEqual({
      code: 1,
      stdout: '',
      stderr: `mcpkit: ${file} exports several servers (first, second); pick one with ${file}:first\n`,
    });
  }, 60_000);

  test('a missing or non-server named export', async () => {
    expect((await runCli(['run', `${SERVERS}:nope`])).stderr).toBe(
      `mcpkit: ${SERVERS} has no export named nope; it exports: default, notAServer, tiny\n`,
    );
    expect((await runCli(['run', `${SERVERS}:notAServer`])).stderr).toBe(
      `mcpkit: export notAServer of ${SERVERS} is not a server (a createServer(...) value or a function returning one)\n`,
    );
  }, 60_000);

  test('port in use', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      expect(await runCli(['run', SERVERS, '--transport', 'http', '--port', String(port)])).toEqual(
        {
          code: 1,
          stdout: '',
          stderr: `mcpkit: port ${port} is in use; pass --port\n`,
        },
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);

  test('bad flags and values', async () => {
    expect(await runCli(['run', SERVERS, '--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mcpkit run: unknown flag --bogus (see mcpkit run --help)\n',
    });
    expect((await runCli(['run', SERVERS, '--transport', 'ws'])).stderr).toBe(
      'mcpkit run: --transport must be stdio, http or sse, got ws\n',
    );
    expect((await runCli(['run', SERVERS, '--port', 'x'])).stderr).toBe(
      'mcpkit run: --port must be a number from 0 to 65535, got x\n',
    );
    expect((await runCli(['run', SERVERS, '--port'])).stderr).toBe(
      'mcpkit run: --port needs a value (see mcpkit run --help)\n',
    );
    expect((await runCli(['run'])).code).toBe(2);
  }, 60_000);

  test('--help', async () => {
    const { code, stdout } = await runCli(['run', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: mcpkit run <file>\[:export\] \[options\]\n/);
    expect(stdout).toContain('-t, --transport <stdio|http|sse>');
  }, 60_000);
});
