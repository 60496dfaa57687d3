import { McpError } from '@mcpkit/core';
import { createServer, memoryTaskStore, type StoredTask } from '@mcpkit/server';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { failure, handle, result } from './helpers.js';
import {
  buildTaskServer,
  clientOf,
  EXT,
  ID1,
  META,
  signals,
  T0,
  TASK1,
  type TaskServer,
  useTaskClock,
} from './task-setup.js';

let server: TaskServer;
const { call, get } = clientOf(() => server);

useTaskClock();

beforeEach(() => {
  signals.length = 0;
  server = buildTaskServer();
});

afterEach(async () => {
  await server.close();
});

describe('tasks extension: expiry, owners, shutdown', () => {
  test('a task is readable for its ttlMs, then gone; a task still running is stopped', async () => {
    server = buildTaskServer({ ttlMs: 2000 });
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
    server = buildTaskServer({ owner: (ctx) => ctx.headers?.['x-user'] });
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
    server = buildTaskServer({
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
    server = buildTaskServer({ store: shared });
    const other = buildTaskServer({ store: shared });
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

  test('a store that fails to save is reported to onError as masked; the call still answers', async () => {
    const reports: unknown[] = [];
    const broken = new Error('disk full');
    const kept = new Map<string, StoredTask>();
    const flaky = createServer({
      name: 's',
      version: '1',
      onError: (error, info) => reports.push([error, info]),
      tasks: {
        store: {
          create: (t) => void kept.set(t.taskId, t),
          get: (id) => kept.get(id),
          update: () => {
            throw broken;
          },
        },
      },
    }).tool('job', { task: 'optional' }, () => 'done');
    const created = await result(flaky, 'tools/call', { name: 'job' }, { caps: EXT });
    expect(created.resultType).toBe('task');
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([[broken, { method: 'tools/call', name: 'job', masked: true }]]);
    await flaky.close();
  });

  test('beyond maxTasks running tasks, tools/call answers -32603 and creates nothing', async () => {
    server = buildTaskServer({ maxTasks: 1 });
    await call('slow', { ms: 60_000 });
    expect(
      await failure(server, 'tools/call', { name: 'slow', arguments: { ms: 1 } }, { caps: EXT }),
    ).toEqual({
      code: -32603,
      message: 'The server is running its maximum of 1 tasks; try again later',
    });
    expect(signals).toHaveLength(1);
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
