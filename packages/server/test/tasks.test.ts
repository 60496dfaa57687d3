import { createServer } from '@mcpkit/server';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { failure, handle, initialized, LOG, result } from './helpers.js';
import {
  at,
  buildTaskServer,
  clientOf,
  EXT,
  ID1,
  ID2,
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
      taskId: ID2,
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
