import { PassThrough } from 'node:stream';
import { createSession } from '@mcpkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChildProcessError } from '../src/child-process-error.js';
import { stdioClientTransport } from '../src/client-transport.js';
import { serveStdio } from '../src/serve-stdio.js';
import { fakeServer } from './fixtures/fake-server.js';
import { fixtureCommand, isAlive } from './fixtures/spawn.js';

// A signal nobody else in the test worker listens to, emitted in-process (never sent).
const SIGNAL = 'SIGUSR2' as const;
const pids: number[] = [];

afterEach(() => {
  for (const pid of pids.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

function pipes() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const lines: unknown[] = [];
  stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
  });
  return { stdin, stdout, lines };
}

describe('serveStdio', () => {
  it('serves requests and closes when stdin ends, removing its signal listeners', async () => {
    const { stdin, stdout, lines } = pipes();
    const before = process.listenerCount(SIGNAL);
    const connection = await serveStdio(fakeServer(), { stdin, stdout, signals: [SIGNAL] });
    expect(process.listenerCount(SIGNAL)).toBe(before + 1);
    stdin.write('{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":1,"b":2}}\n');
    await new Promise((r) => setTimeout(r, 10));
    expect(lines).toEqual([{ jsonrpc: '2.0', id: 1, result: { sum: 3 } }]);
    stdin.end();
    await connection.session.done;
    await new Promise((r) => setImmediate(r));
    expect(connection.session.closed).toBe(true);
    expect(process.listenerCount(SIGNAL)).toBe(before);
  });

  it('calls process.exit(0) after close only with exitOnClose', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      for (const exitOnClose of [false, true]) {
        const { stdin, stdout } = pipes();
        const connection = await serveStdio(fakeServer(), {
          stdin,
          stdout,
          signals: [],
          exitOnClose,
        });
        stdin.end();
        await connection.session.done;
        await new Promise((r) => setImmediate(r));
      }
      expect(exit.mock.calls).toEqual([[0]]);
    } finally {
      exit.mockRestore();
    }
  });

  it('closes on a listed signal', async () => {
    const { stdin, stdout } = pipes();
    const before = process.listenerCount(SIGNAL);
    const connection = await serveStdio(fakeServer(), { stdin, stdout, signals: [SIGNAL] });
    process.emit(SIGNAL, SIGNAL);
    await connection.session.done;
    await new Promise((r) => setImmediate(r));
    expect(process.listenerCount(SIGNAL)).toBe(before);
    expect(stdin.listenerCount('data')).toBe(0);
  });

  it('a served child exits cleanly by itself on SIGTERM', async () => {
    const transport = stdioClientTransport(fixtureCommand('serve', { stderr: 'pipe' }));
    let reason: Error | undefined;
    const session = createSession({ transport, timeoutMs: 20_000, onClose: (r) => (reason = r) });
    await session.start();
    expect(await session.request('ping')).toEqual({});
    const pid = transport.pid as number;
    pids.push(pid);
    process.kill(pid, 'SIGTERM');
    await session.done;
    // The child closed its connection and exited 0 on its own: no kill signal shows in the exit.
    expect(reason).toBeInstanceOf(ChildProcessError);
    const { exitCode, signal } = reason as ChildProcessError;
    expect({ exitCode, signal }).toEqual({ exitCode: 0, signal: null });
    expect(isAlive(pid)).toBe(false);
  }, 30_000);

  it('serves a real @mcpkit/server in a child process', async () => {
    const transport = stdioClientTransport(
      fixtureCommand('serve', { stderr: 'pipe' }, 'real-server.ts'),
    );
    const session = createSession({ transport, timeoutMs: 20_000 });
    await session.start();
    pids.push(transport.pid as number);
    try {
      const init = await session.request('initialize', {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'stdio-test', version: '1.0.0' },
      });
      expect(init.serverInfo).toEqual({ name: 'stdio-real', version: '1.0.0' });
      expect(init.protocolVersion).toBe('2025-11-25');
      await session.notify('notifications/initialized');
      expect(
        await session.request('tools/call', { name: 'greet', arguments: { name: 'Ada' } }),
      ).toEqual({
        content: [{ type: 'text', text: 'Hello, Ada!' }],
      });
    } finally {
      await session.close();
    }
    expect(isAlive(transport.pid as number)).toBe(false);
  }, 30_000);
});
