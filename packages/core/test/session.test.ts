import {
  CancelledError,
  ConnectionClosedError,
  createSession,
  McpError,
  type Progress,
  TimeoutError,
} from '@mcpkit/core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { flush, scriptedTransport, sessionPair } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('requests and responses', () => {
  test('a request round trip carries params and result', async () => {
    await using pair = await sessionPair({
      onRequest: (req) => ({ method: req.method, echo: req.params ?? null }),
    });
    expect(
      await pair.client.request('tools/call', { name: 'echo', arguments: { text: 'hi' } }),
    ).toEqual({
      method: 'tools/call',
      echo: { name: 'echo', arguments: { text: 'hi' } },
    });
  });

  test('both sides can send requests', async () => {
    await using pair = await sessionPair(
      { onRequest: () => ({ from: 'server' }) },
      { onRequest: () => ({ from: 'client' }) },
    );
    expect(await pair.client.request('a')).toEqual({ from: 'server' });
    expect(await pair.server.request('b')).toEqual({ from: 'client' });
  });

  test('an McpError thrown by a handler reaches the caller with code and data', async () => {
    await using pair = await sessionPair({
      onRequest: () => {
        throw new McpError(-32602, 'Unknown tool: nope', { name: 'nope' });
      },
    });
    const error = await pair.client.request('tools/call').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).toJSON()).toEqual({
      code: -32602,
      message: 'Unknown tool: nope',
      data: { name: 'nope' },
    });
  });

  test('other errors become -32603 with their message; async handlers too', async () => {
    await using pair = await sessionPair({
      onRequest: async (req) => {
        if (req.method === 'sync') throw new Error('boom');
        throw new Error('async boom');
      },
    });
    await expect(pair.client.request('sync')).rejects.toMatchObject({
      code: -32603,
      message: 'boom',
    });
    await expect(pair.client.request('async')).rejects.toMatchObject({
      code: -32603,
      message: 'async boom',
    });
  });

  test('without a request handler every request gets -32601', async () => {
    await using pair = await sessionPair();
    await expect(pair.client.request('tools/list')).rejects.toMatchObject({
      code: -32601,
      message: 'Method not found: tools/list',
    });
  });

  test('concurrent requests resolve to their own results', async () => {
    await using pair = await sessionPair({
      onRequest: async (req) => {
        const n = req.params?.n as number;
        await new Promise((r) => setTimeout(r, (5 - n) * 2));
        return { n };
      },
    });
    const results = await Promise.all([0, 1, 2, 3, 4].map((n) => pair.client.request('x', { n })));
    expect(results).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  test('notifications reach onNotification with params', async () => {
    const seen: unknown[] = [];
    await using pair = await sessionPair({ onNotification: (n) => seen.push(n) });
    await pair.client.notify('notifications/initialized');
    await pair.client.notify('notifications/message', { level: 'info', data: 'x' });
    await flush();
    expect(seen).toEqual([
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } },
    ]);
  });
});

describe('ids', () => {
  test('a duplicate in-flight id is answered with -32600 and the first request still completes', async () => {
    const t = scriptedTransport();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const session = createSession({
      transport: t.transport,
      onRequest: async () => {
        await gate;
        return { done: true };
      },
    });
    await session.start();
    t.inject({ jsonrpc: '2.0', id: 5, method: 'slow' });
    t.inject({ jsonrpc: '2.0', id: 5, method: 'slow' });
    await flush();
    expect(t.sent).toEqual([
      {
        jsonrpc: '2.0',
        id: 5,
        error: {
          code: -32600,
          message: 'Invalid Request: id 5 is already in use by a request in flight',
        },
      },
    ]);
    release();
    await flush();
    expect(t.sent[1]).toEqual({ jsonrpc: '2.0', id: 5, result: { done: true } });
  });

  test('a response to an unknown id is dropped and reported, not fatal', async () => {
    const t = scriptedTransport();
    const errors: string[] = [];
    const session = createSession({
      transport: t.transport,
      onError: (e) => errors.push(e.message),
    });
    await session.start();
    t.inject({ jsonrpc: '2.0', id: 99, result: {} });
    expect(errors).toEqual(['Dropped a response for unknown request id 99']);
    const pending = session.request('ping');
    t.inject({ jsonrpc: '2.0', id: 0, result: { ok: true } });
    expect(await pending).toEqual({ ok: true });
  });

  test('outgoing ids count up from 0', async () => {
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport });
    await session.start();
    void session.request('a').catch(() => {});
    void session.request('b', { x: 1 }).catch(() => {});
    expect(t.sent).toEqual([
      { jsonrpc: '2.0', id: 0, method: 'a' },
      { jsonrpc: '2.0', id: 1, method: 'b', params: { x: 1 } },
    ]);
    await session.close();
  });
});

describe('timeouts', () => {
  test('a request times out, rejects with TimeoutError and tells the peer to cancel', async () => {
    vi.useFakeTimers();
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport, timeoutMs: 1000 });
    await session.start();
    const result = session.request('slow').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    expect(t.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await result;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).toJSON()).toEqual({
      code: -32001,
      message: 'Request slow timed out after 1000 ms',
      data: { timeoutMs: 1000 },
    });
    expect(t.sent[1]).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 0, reason: 'Request slow timed out after 1000 ms' },
    });
    // The late answer is ignored quietly.
    t.inject({ jsonrpc: '2.0', id: 0, result: {} });
  });

  test('per-call timeout overrides the default; 0 disables', async () => {
    vi.useFakeTimers();
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport, timeoutMs: 1000 });
    await session.start();
    const fast = session
      .request('a', undefined, { timeoutMs: 10 })
      .catch((e: TimeoutError) => e.message);
    const never = session.request('b', undefined, { timeoutMs: 0 });
    await vi.advanceTimersByTimeAsync(10);
    expect(await fast).toBe('Request a timed out after 10 ms');
    await vi.advanceTimersByTimeAsync(100_000);
    t.inject({ jsonrpc: '2.0', id: 1, result: { late: true } });
    expect(await never).toEqual({ late: true });
  });

  test('progress resets the timeout when asked, up to the maximum total', async () => {
    vi.useFakeTimers();
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport });
    await session.start();
    const progress: Progress[] = [];
    const result = session
      .request(
        'long',
        {},
        {
          timeoutMs: 100,
          maxTotalTimeoutMs: 250,
          resetTimeoutOnProgress: true,
          onProgress: (p) => progress.push(p),
        },
      )
      .catch((e: TimeoutError) => e.message);
    expect(t.sent[0]).toEqual({
      jsonrpc: '2.0',
      id: 0,
      method: 'long',
      params: { _meta: { progressToken: 0 } },
    });
    await vi.advanceTimersByTimeAsync(90);
    t.inject({
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: 0, progress: 1, total: 3 },
    });
    await vi.advanceTimersByTimeAsync(90);
    t.inject({
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: 0, progress: 2, message: 'half' },
    });
    await vi.advanceTimersByTimeAsync(69);
    expect(progress).toEqual([
      { progress: 1, total: 3 },
      { progress: 2, message: 'half' },
    ]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBe('Request long exceeded its maximum total time of 250 ms');
  });

  test('without resetTimeoutOnProgress, progress does not extend the deadline', async () => {
    vi.useFakeTimers();
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport });
    await session.start();
    const seen: number[] = [];
    const result = session
      .request('long', undefined, { timeoutMs: 100, onProgress: (p) => seen.push(p.progress) })
      .catch((e: TimeoutError) => e.message);
    await vi.advanceTimersByTimeAsync(60);
    t.inject({
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: 0, progress: 0.5 },
    });
    await vi.advanceTimersByTimeAsync(40);
    expect(seen).toEqual([0.5]);
    expect(await result).toBe('Request long timed out after 100 ms');
  });
});

describe('cancellation', () => {
  test('aborting a request sends notifications/cancelled and rejects with CancelledError', async () => {
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport });
    await session.start();
    const controller = new AbortController();
    const result = session
      .request('slow', undefined, { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort('user pressed stop');
    const error = await result;
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).message).toBe('user pressed stop');
    expect(t.sent[1]).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 0, reason: 'user pressed stop' },
    });
  });

  test('an already-aborted signal sends nothing', async () => {
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport });
    await session.start();
    await expect(
      session.request('x', undefined, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(t.sent).toEqual([]);
  });

  test('initialize is never cancelled on the wire', async () => {
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport });
    await session.start();
    const controller = new AbortController();
    const result = session
      .request('initialize', {}, { signal: controller.signal })
      .catch(() => 'rejected');
    controller.abort();
    expect(await result).toBe('rejected');
    expect(t.sent.map((m) => ('method' in m ? m.method : 'response'))).toEqual(['initialize']);
  });

  test('a peer cancellation aborts the handler signal and drops its late result', async () => {
    const t = scriptedTransport();
    let aborted: unknown;
    let finish!: () => void;
    const session = createSession({
      transport: t.transport,
      onRequest: (req) => {
        req.signal.addEventListener('abort', () => (aborted = req.signal.reason));
        return new Promise((resolve) => (finish = () => resolve({ late: true })));
      },
    });
    await session.start();
    t.inject({ jsonrpc: '2.0', id: 'r1', method: 'tools/call' });
    t.inject({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 'r1', reason: 'no longer needed' },
    });
    expect(aborted).toEqual(new Error('no longer needed'));
    finish();
    await flush();
    expect(t.sent).toEqual([]);
  });

  test('cancellation of unknown or finished ids is ignored', async () => {
    const t = scriptedTransport();
    const session = createSession({ transport: t.transport, onRequest: () => ({}) });
    await session.start();
    t.inject({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 42 } });
    t.inject({ jsonrpc: '2.0', method: 'notifications/cancelled', params: {} });
    t.inject({ jsonrpc: '2.0', id: 1, method: 'x' });
    await flush();
    expect(t.sent).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
  });

  test('a handler sees the abort of the channel that carried its request', async () => {
    const t = scriptedTransport();
    let sawAbort = false;
    const session = createSession({
      transport: {
        ...t.transport,
        start(sink) {
          t.transport.start(sink);
          const channel = new AbortController();
          queueMicrotask(() => {
            sink.message({ jsonrpc: '2.0', id: 1, method: 'listen' }, { signal: channel.signal });
            channel.abort();
          });
        },
      },
      onRequest: (req) =>
        new Promise((resolve) => {
          req.signal.addEventListener('abort', () => {
            sawAbort = true;
            resolve({});
          });
        }),
    });
    await session.start();
    await flush();
    expect(sawAbort).toBe(true);
    expect(t.sent).toEqual([]);
  });
});

describe('progress', () => {
  test('a handler reports progress to a caller that asked for it', async () => {
    await using pair = await sessionPair({
      onRequest: async (req) => {
        await req.progress(1, 2, 'halfway');
        await req.progress(2, 2);
        return { done: true };
      },
    });
    const updates: Progress[] = [];
    const result = await pair.client.request(
      'work',
      { a: 1 },
      { onProgress: (p) => updates.push(p) },
    );
    expect(result).toEqual({ done: true });
    expect(updates).toEqual([
      { progress: 1, total: 2, message: 'halfway' },
      { progress: 2, total: 2 },
    ]);
  });

  test('progress is a no-op when the caller did not ask', async () => {
    const seen: unknown[] = [];
    await using pair = await sessionPair(
      {
        onRequest: async (req) => {
          await req.progress(1);
          return { token: req.progressToken ?? null };
        },
      },
      { onNotification: (n) => seen.push(n) },
    );
    expect(await pair.client.request('work')).toEqual({ token: null });
    expect(seen).toEqual([]);
  });

  test('caller _meta is kept next to the progress token', async () => {
    await using pair = await sessionPair({
      onRequest: (req) => ({ meta: req.params?._meta ?? null }),
    });
    expect(
      await pair.client.request('w', { _meta: { trace: 't1' } }, { onProgress: () => {} }),
    ).toEqual({
      meta: { trace: 't1', progressToken: 0 },
    });
  });
});

describe('requests on behalf of an inbound request', () => {
  test('the server asks the client mid-request; messages carry the related request id', async () => {
    const related: unknown[] = [];
    const t = scriptedTransport();
    const session = createSession({
      transport: {
        ...t.transport,
        send(message, info) {
          related.push(info?.relatedRequestId);
          return t.transport.send(message, info);
        },
      },
      onRequest: async (req) => {
        const answer = await req.request('sampling/createMessage', { maxTokens: 5 });
        await req.notify('notifications/message', { level: 'info', data: 'sampled' });
        return { answer };
      },
    });
    await session.start();
    t.inject({ jsonrpc: '2.0', id: 'call-1', method: 'tools/call' });
    await flush();
    expect(t.sent[0]).toEqual({
      jsonrpc: '2.0',
      id: 0,
      method: 'sampling/createMessage',
      params: { maxTokens: 5 },
    });
    t.inject({ jsonrpc: '2.0', id: 0, result: { text: 'hi' } });
    await flush();
    expect(t.sent.slice(1)).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'sampled' },
      },
      { jsonrpc: '2.0', id: 'call-1', result: { answer: { text: 'hi' } } },
    ]);
    expect(related).toEqual(['call-1', 'call-1', 'call-1']);
  });
});

describe('close', () => {
  test('pending requests reject with ConnectionClosedError and later calls fail fast', async () => {
    const t = scriptedTransport();
    const closed: unknown[] = [];
    const session = createSession({
      transport: t.transport,
      onClose: (r) => closed.push(r ?? null),
    });
    await session.start();
    const pending = session.request('slow').catch((e: unknown) => e);
    await session.close();
    const error = await pending;
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect((error as Error).message).toBe('Connection closed');
    expect(session.closed).toBe(true);
    expect(closed).toEqual([null]);
    await expect(session.request('again')).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(session.notify('n')).rejects.toBeInstanceOf(ConnectionClosedError);
    await session.done;
  });

  test('a transport that drops names the reason and aborts handlers in flight', async () => {
    const t = scriptedTransport();
    let handlerAborted = false;
    const session = createSession({
      transport: t.transport,
      onRequest: (req) =>
        new Promise(() => {
          req.signal.addEventListener('abort', () => (handlerAborted = true));
        }),
    });
    await session.start();
    t.inject({ jsonrpc: '2.0', id: 1, method: 'hang' });
    const pending = session.request('x').catch((e: Error) => e.message);
    t.drop(new Error('child exited with code 1'));
    expect(await pending).toBe('Connection closed: child exited with code 1');
    expect(handlerAborted).toBe(true);
  });

  test('a send failure rejects that request', async () => {
    const session = createSession({
      transport: {
        start() {},
        send() {
          throw new Error('pipe broken');
        },
        close() {},
      },
    });
    await session.start();
    await expect(session.request('x')).rejects.toThrow('pipe broken');
  });
});
