import { McpError } from '@mcpkit/core';
import { createServer, memoryTaskStore, ToolError } from '@mcpkit/server';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { failure, handle, initialized, LOG, result, SERVER_INFO } from './helpers.js';

const EXT = { extensions: { 'io.modelcontextprotocol/tasks': {} } };
const T0 = '2026-08-01T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const META = { _meta: { [SERVER_INFO]: { name: 's', version: '1' } } };

/** Resolves after ms of (fake) time, or rejects when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

let signals: AbortSignal[];
let ids: number;

function build(tasks: Parameters<typeof createServer>[0]['tasks'] = {}) {
  return createServer({ name: 's', version: '1', tasks: { pollIntervalMs: 250, ...tasks } })
    .tool('greet', { input: z.object({ name: z.string() }) }, ({ name }) => `Hello, ${name}!`)
    .tool(
      'slow',
      { input: z.object({ ms: z.number() }), task: 'optional' },
      async ({ ms }, ctx) => {
        signals.push(ctx.signal);
        await sleep(ms, ctx.signal);
        return `slept ${ms} as ${ctx.taskId ?? 'a plain call'}`;
      },
    )
    .tool('failing', { task: 'required' }, async (_i, ctx) => {
      await sleep(10, ctx.signal);
      throw new ToolError('it broke');
    })
    .tool('protocol', { task: { support: 'optional', ttlMs: 5000 } }, () => {
      throw new McpError(-32603, 'protocol broke', { why: 'test' });
    })
    .tool('chatty', { task: 'optional' }, async (_i, ctx) => {
      await ctx.log.info('hello');
      await ctx.progress(1, 2, 'half');
      return 'chatted';
    });
}

let server: ReturnType<typeof build>;
const call = (name: string, args: object = {}, caps: object = EXT, extra: object = {}) =>
  result(server, 'tools/call', { name, arguments: args, ...extra } as never, {
    caps: caps as never,
  });
const get = (taskId: unknown) => result(server, 'tasks/get', { taskId } as never, { caps: EXT });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(T0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  ids = 0;
  vi.spyOn(crypto, 'randomUUID').mockImplementation(
    () =>
      `00000000-0000-4000-8000-00000000000${++ids}` as `${string}-${string}-${string}-${string}-${string}`,
  );
  signals = [];
  server = build();
});

afterEach(async () => {
  await server.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const ID1 = '00000000-0000-4000-8000-000000000001';
const TASK1 = {
  taskId: ID1,
  createdAt: T0,
  ttlMs: 3_600_000,
  pollIntervalMs: 250,
};

describe('tasks extension: lifecycle', () => {
  test('discover declares the extension; initialize (handshake era) does not', async () => {
    const discover = await result(server, 'server/discover');
    expect((discover.capabilities as Record<string, unknown>).extensions).toEqual({
      'io.modelcontextprotocol/tasks': {},
    });
    await using client = await initialized(server);
    expect((client.init.capabilities as Record<string, unknown>).extensions).toBeUndefined();
    const plain = createServer({ name: 'p', version: '1' }).tool('t', {}, () => 'x');
    const caps = (await result(plain, 'server/discover')).capabilities as Record<string, unknown>;
    expect(caps.extensions).toBeUndefined();
  });

  test('a task tool answers a flat CreateTaskResult; tasks/get shows working, then the result', async () => {
    expect(await call('slow', { ms: 1000 })).toEqual({
      resultType: 'task',
      ...TASK1,
      status: 'working',
      lastUpdatedAt: T0,
      ...META,
    });
    await vi.advanceTimersByTimeAsync(400);
    expect(await get(ID1)).toEqual({
      resultType: 'complete',
      ...TASK1,
      status: 'working',
      lastUpdatedAt: T0,
      ...META,
    });
    await vi.advanceTimersByTimeAsync(600);
    expect(await get(ID1)).toEqual({
      resultType: 'complete',
      ...TASK1,
      status: 'completed',
      lastUpdatedAt: at(1000),
      result: { resultType: 'complete', content: [{ type: 'text', text: `slept 1000 as ${ID1}` }] },
      ...META,
    });
  });

  test('a tool error completes the task with isError; a protocol error fails it', async () => {
    const failing = await call('failing');
    const protocol = await call('protocol');
    expect(protocol.ttlMs).toBe(5000);
    await vi.advanceTimersByTimeAsync(10);
    expect(await get(failing.taskId)).toEqual({
      resultType: 'complete',
      ...TASK1,
      status: 'completed',
      lastUpdatedAt: at(10),
      result: {
        resultType: 'complete',
        content: [{ type: 'text', text: 'it broke' }],
        isError: true,
      },
      ...META,
    });
    expect(await get(protocol.taskId)).toEqual({
      resultType: 'complete',
      taskId: '00000000-0000-4000-8000-000000000002',
      status: 'failed',
      statusMessage: 'protocol broke',
      createdAt: T0,
      lastUpdatedAt: T0,
      ttlMs: 5000,
      pollIntervalMs: 250,
      error: { code: -32603, message: 'protocol broke', data: { why: 'test' } },
      ...META,
    });
  });

  test('tasks/cancel acks empty, aborts the handler, and is idempotent on ended tasks', async () => {
    await call('slow', { ms: 60_000 });
    const ack = await result(server, 'tasks/cancel', { taskId: ID1 }, { caps: EXT });
    expect(ack).toEqual({ resultType: 'complete', ...META });
    expect(signals[0]?.aborted).toBe(true);
    expect(await get(ID1)).toEqual({
      resultType: 'complete',
      ...TASK1,
      status: 'cancelled',
      lastUpdatedAt: T0,
      ...META,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await get(ID1)).status).toBe('cancelled');
    expect(await result(server, 'tasks/cancel', { taskId: ID1 }, { caps: EXT })).toEqual({
      resultType: 'complete',
      ...META,
    });
  });

  test('without the extension: optional tools run as plain calls, required ones answer -32021', async () => {
    const plain = call('slow', { ms: 5 }, {});
    await vi.advanceTimersByTimeAsync(5);
    expect(await plain).toEqual({
      resultType: 'complete',
      content: [{ type: 'text', text: 'slept 5 as a plain call' }],
      ...META,
    });
    expect(await failure(server, 'tools/call', { name: 'failing', arguments: {} })).toEqual({
      code: -32021,
      message:
        "Tool failing needs the io.modelcontextprotocol/tasks extension in the request's client capabilities",
      data: { requiredCapabilities: { extensions: { 'io.modelcontextprotocol/tasks': {} } } },
    });
  });

  test('the extension is read per request, from that request _meta only', async () => {
    const created = await call('slow', { ms: 1 });
    expect(created.resultType).toBe('task');
    for (const method of ['tasks/get', 'tasks/update', 'tasks/cancel']) {
      const params = { taskId: ID1, inputResponses: {} };
      expect(await failure(server, method, params, { caps: { elicitation: {} } })).toEqual({
        code: -32021,
        message: `${method} needs the io.modelcontextprotocol/tasks extension in the request's client capabilities`,
        data: { requiredCapabilities: { extensions: { 'io.modelcontextprotocol/tasks': {} } } },
      });
    }
  });

  test('sync tools never become tasks; a legacy `task` param is tolerated and ignored', async () => {
    expect(
      await call('greet', { name: 'Ada' }, EXT, { task: { ttl: 60_000, pollInterval: 100 } }),
    ).toEqual({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hello, Ada!' }],
      ...META,
    });
  });

  test('tasks/result and tasks/list are gone (-32601); bad and unknown ids are -32602', async () => {
    for (const method of ['tasks/result', 'tasks/list']) {
      expect((await failure(server, method, { taskId: ID1 }, { caps: EXT })).code).toBe(-32601);
    }
    expect(await failure(server, 'tasks/get', { taskId: 'nope' }, { caps: EXT })).toEqual({
      code: -32602,
      message: 'Task not found: nope',
      data: { taskId: 'nope' },
    });
    expect(await failure(server, 'tasks/cancel', { taskId: 'nope' }, { caps: EXT })).toEqual({
      code: -32602,
      message: 'Task not found: nope',
      data: { taskId: 'nope' },
    });
    expect(await failure(server, 'tasks/get', {}, { caps: EXT })).toEqual({
      code: -32602,
      message: 'Invalid params: tasks/get needs a taskId',
    });
    expect(
      await failure(server, 'tasks/update', { taskId: ID1, inputResponses: [] }, { caps: EXT }),
    ).toEqual({
      code: -32602,
      message: 'Invalid params: tasks/update needs an inputResponses object',
    });
  });

  test('a server without task tools does not serve tasks/* (-32601)', async () => {
    const plain = createServer({ name: 'p', version: '1' }).tool('t', {}, () => 'x');
    expect((await failure(plain, 'tasks/get', { taskId: 'x' }, { caps: EXT })).code).toBe(-32601);
  });

  test('logs and progress are not sent once the call is a task', async () => {
    const { response, notifications } = await handle(
      server,
      'tools/call',
      { name: 'chatty', arguments: {}, _meta: { progressToken: 'p' } } as never,
      { caps: EXT, meta: { [LOG]: 'debug', progressToken: 'p' } },
    );
    expect('result' in response && response.result.resultType).toBe('task');
    await vi.advanceTimersByTimeAsync(0);
    expect(notifications).toEqual([]);
    expect(((await get(ID1)).result as Record<string, unknown>).content).toEqual([
      { type: 'text', text: 'chatted' },
    ]);
  });

  test('handshake era: task tools run as plain calls and tasks/* do not exist', async () => {
    await using client = await initialized(server);
    const answer = client.client.request('tools/call', { name: 'failing', arguments: {} });
    await vi.advanceTimersByTimeAsync(10);
    expect(await answer).toEqual({
      content: [{ type: 'text', text: 'it broke' }],
      isError: true,
    });
    await expect(client.client.request('tasks/get', { taskId: ID1 })).rejects.toMatchObject({
      code: -32601,
    });
  });
});

describe('tasks extension: expiry, owners, shutdown', () => {
  test('a task is readable for its ttlMs, then gone; a task still running is stopped', async () => {
    server = build({ ttlMs: 2000 });
    await call('slow', { ms: 60_000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect((await get(ID1)).status).toBe('working');
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toEqual(new McpError(-32603, 'The task expired'));
    expect((await failure(server, 'tasks/get', { taskId: ID1 }, { caps: EXT })).code).toBe(-32602);
  });

  test('with `owner`, another owner is told the task does not exist', async () => {
    server = build({ owner: (ctx) => ctx.headers?.['x-user'] });
    const as = (user: string) => ({ caps: EXT, info: { headers: { 'x-user': user } } });
    const created = await result(
      server,
      'tools/call',
      { name: 'slow', arguments: { ms: 9 } },
      as('ann'),
    );
    expect((await result(server, 'tasks/get', { taskId: created.taskId }, as('ann'))).status).toBe(
      'working',
    );
    const { response } = await handle(server, 'tasks/cancel', { taskId: ID1 }, as('bob'));
    expect('error' in response && response.error).toEqual({
      code: -32602,
      message: `Task not found: ${ID1}`,
      data: { taskId: ID1 },
    });
    expect(signals[0]?.aborted).toBe(false);
  });

  test('server.close() fails the tasks still running and aborts their handlers', async () => {
    const store = new Map<string, unknown>();
    server = build({
      store: {
        create: (t) => void store.set(t.taskId, t),
        get: (id) => store.get(id) as never,
        update: (t) => void store.set(t.taskId, t),
      },
    });
    await call('slow', { ms: 60_000 });
    await server.close();
    expect(signals[0]?.aborted).toBe(true);
    expect(store.get(ID1)).toEqual({
      ...TASK1,
      status: 'failed',
      statusMessage: 'The server closed before the task ended',
      lastUpdatedAt: T0,
      error: { code: -32603, message: 'The server closed before the task ended' },
    });
  });

  test('two processes over one store: either reads a task; cancel elsewhere sticks', async () => {
    const shared = memoryTaskStore();
    server = build({ store: shared });
    const other = build({ store: shared });
    await call('slow', { ms: 1000 });
    const elsewhere = (method: string, params: object) =>
      handle(other, method, params as never, { caps: EXT });
    const read = await elsewhere('tasks/get', { taskId: ID1 });
    expect('result' in read.response && read.response.result.status).toBe('working');
    const input = await elsewhere('tasks/update', { taskId: ID1, inputResponses: {} });
    expect('error' in input.response && input.response.error).toEqual({
      code: -32603,
      message: `Task ${ID1} is not running in this server process; route tasks/* requests by Mcp-Name`,
      data: { taskId: ID1 },
    });
    await elsewhere('tasks/cancel', { taskId: ID1 });
    // The handler here finishes, sees the stored cancellation, and keeps it.
    await vi.advanceTimersByTimeAsync(1000);
    expect(await get(ID1)).toEqual({
      resultType: 'complete',
      ...TASK1,
      status: 'cancelled',
      lastUpdatedAt: T0,
      ...META,
    });
    await other.close();
    shared.clear();
  });

  test('task settings are checked at registration', () => {
    const s = createServer({ name: 'x', version: '1' });
    expect(() => s.tool('a', { task: 'sometimes' as never }, () => '')).toThrow(
      "Tool a: task support must be 'optional' or 'required', not \"sometimes\"",
    );
    expect(() => s.tool('b', { task: { support: 'optional', ttlMs: 1.5 } }, () => '')).toThrow(
      'Tool b: task ttlMs must be a positive integer or null',
    );
    expect(() => createServer({ name: 'x', version: '1', tasks: { pollIntervalMs: 0 } })).toThrow(
      'tasks.pollIntervalMs must be a positive integer',
    );
  });
});
