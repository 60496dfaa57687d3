import { createSession, type Session } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultChildEnv } from '../src/child-env.js';
import { ChildProcessError } from '../src/child-process-error.js';
import {
  type StdioClientTransport,
  type StdioClientTransportOptions,
  stdioClientTransport,
} from '../src/client-transport.js';
import { fixtureCommand, isAlive } from './fixtures/spawn.js';

const started: { session: Session; transport: StdioClientTransport }[] = [];

async function connect(mode = 'serve', extra: Partial<StdioClientTransportOptions> = {}) {
  const transport = stdioClientTransport(fixtureCommand(mode, { stderr: 'pipe', ...extra }));
  let closeReason: Error | undefined;
  const session = createSession({
    transport,
    timeoutMs: 20_000,
    onClose: (r) => (closeReason = r),
  });
  started.push({ session, transport });
  await session.start();
  return { session, transport, reason: () => closeReason };
}

afterEach(async () => {
  for (const { session, transport } of started.splice(0)) {
    await session.close();
    const pid = transport.pid;
    if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
});

describe('stdioClientTransport', () => {
  it('round-trips requests with a real child process', async () => {
    const { session, transport } = await connect();
    expect(await session.request('echo', { hello: 'world' })).toEqual({
      echoed: { hello: 'world' },
    });
    expect(await session.request('add', { a: 2, b: 40 })).toEqual({ sum: 42 });
    expect(await session.request('pid')).toEqual({ pid: transport.pid });
  }, 30_000);

  it('carries a message larger than the pipe buffer both ways', async () => {
    const { session } = await connect();
    const big = 'x'.repeat(2 * 1024 * 1024);
    expect(await session.request('echo', { big })).toEqual({ echoed: { big } });
  }, 30_000);

  it('passes only the safe environment plus what is given', async () => {
    process.env.MCPKIT_SECRET_FOR_TEST = 'leak';
    try {
      const { session } = await connect('serve');
      const { env } = fixtureCommand();
      expect(await session.request('env')).toEqual({ env: { ...defaultChildEnv(), ...env } });
    } finally {
      delete process.env.MCPKIT_SECRET_FOR_TEST;
    }
  }, 30_000);

  it('close ends stdin and the child exits; its pid is gone', async () => {
    const { session, transport } = await connect();
    const pid = transport.pid as number;
    expect(isAlive(pid)).toBe(true);
    await session.close();
    expect(isAlive(pid)).toBe(false);
  }, 30_000);

  it('escalates to SIGTERM and SIGKILL for a child that ignores stdin end and SIGTERM', async () => {
    const { session, transport } = await connect('stubborn', { closeGraceMs: 200, stderr: 'pipe' });
    expect(await session.request('ping')).toEqual({});
    const pid = transport.pid as number;
    const t0 = Date.now();
    await session.close();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    expect(isAlive(pid)).toBe(false);
  }, 30_000);

  it('fails the session with exit code and stderr tail when the child exits early', async () => {
    const transport = stdioClientTransport(fixtureCommand('exit-early', { stderr: 'pipe' }));
    let reason: Error | undefined;
    const done = new Promise<void>((resolve) => {
      transport.start({
        message: () => {},
        error: () => {},
        close: (r) => {
          reason = r;
          resolve();
        },
      });
    });
    await done;
    expect(reason).toBeInstanceOf(ChildProcessError);
    expect(reason?.message).toBe(
      `MCP server "${process.execPath}" exited with code 3 before the connection was closed\n` +
        'stderr (last lines):\n  starting up\n  config file missing: /nope.json',
    );
    expect((reason as ChildProcessError).exitCode).toBe(3);
    expect((reason as ChildProcessError).signal).toBe(null);
  }, 30_000);

  it('rejects pending requests with the exit error when the child crashes mid-session', async () => {
    const { session, reason } = await connect('serve', { stderr: 'pipe' });
    await expect(session.request('crash').then(() => session.request('ping'))).rejects.toThrow(
      /exited with code 7 before the connection was closed\nstderr \(last lines\):\n {2}ready\n {2}about to crash/,
    );
    await session.done;
    expect(reason()).toBeInstanceOf(ChildProcessError);
  }, 30_000);

  it('fails to start with a clear error when the command does not exist (ENOENT)', async () => {
    const transport = stdioClientTransport({ command: 'mcpkit-no-such-command-xyz' });
    const closes: (Error | undefined)[] = [];
    const start = transport.start({
      message: () => {},
      error: () => {},
      close: (r) => closes.push(r),
    });
    await expect(start).rejects.toThrow(
      'Failed to start MCP server "mcpkit-no-such-command-xyz": spawn mcpkit-no-such-command-xyz ENOENT',
    );
    await expect(start).rejects.toBeInstanceOf(ChildProcessError);
    expect(closes).toHaveLength(1);
    expect(transport.pid).toBeUndefined();
    expect(() => transport.send({ jsonrpc: '2.0', method: 'x' })).toThrow(
      'stdio transport is not open',
    );
  });

  it('delivers stderr text to onStderr', async () => {
    const chunks: string[] = [];
    const { session } = await connect('serve', {
      stderr: undefined,
      onStderr: (t: string) => chunks.push(t),
    });
    await session.request('log', { text: 'hello from the child' });
    // stderr and stdout are separate pipes: wait (bounded) for the text to arrive.
    for (let i = 0; i < 100 && !chunks.join('').includes('hello from the child'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(chunks.join('')).toBe('ready\nhello from the child\n');
  }, 30_000);
});
