import { McpError } from '@mcpkit/core';
import { memoryTaskStore, type StoredTask } from '@mcpkit/server';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const T0 = '2026-08-01T10:00:00.000Z';

const task = (taskId: string, extra: Partial<StoredTask> = {}): StoredTask => ({
  taskId,
  status: 'working',
  createdAt: new Date().toISOString(),
  lastUpdatedAt: new Date().toISOString(),
  ttlMs: 1000,
  pollIntervalMs: 100,
  ...extra,
});

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(T0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('memoryTaskStore', () => {
  test('keeps copies: changing what was saved or read changes nothing stored', async () => {
    const store = memoryTaskStore();
    const saved = task('a');
    await store.create(saved);
    saved.status = 'failed';
    const read = (await store.get('a'))!;
    read.status = 'cancelled';
    expect(await store.get('a')).toEqual(task('a'));
    expect(await store.get('nope')).toBeUndefined();
    store.clear();
  });

  test('a task lives exactly ttlMs from createdAt; its timer then removes it', async () => {
    const store = memoryTaskStore();
    await store.create(task('a'));
    vi.advanceTimersByTime(999);
    expect((await store.get('a'))?.taskId).toBe('a');
    expect(store.size).toBe(1);
    vi.advanceTimersByTime(1);
    expect(store.size).toBe(0);
    expect(await store.get('a')).toBeUndefined();
  });

  test('ttlMs counts from createdAt, not from when the store saw the task', async () => {
    const store = memoryTaskStore();
    await store.create(task('a', { createdAt: '2026-08-01T09:59:59.500Z' }));
    vi.advanceTimersByTime(499);
    expect(await store.get('a')).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(await store.get('a')).toBeUndefined();
  });

  test('ttlMs null: kept until cleared; TTLs beyond setTimeout range are re-armed', async () => {
    const store = memoryTaskStore();
    await store.create(task('forever', { ttlMs: null }));
    await store.create(task('long', { ttlMs: 2_147_483_647 + 10 }));
    vi.advanceTimersByTime(2_147_483_647);
    expect(store.size).toBe(2);
    vi.advanceTimersByTime(10);
    expect(await store.get('long')).toBeUndefined();
    expect((await store.get('forever'))?.ttlMs).toBeNull();
    store.clear();
    expect(store.size).toBe(0);
  });

  test('update replaces a task but never brings back an expired one', async () => {
    const store = memoryTaskStore();
    await store.create(task('a'));
    await store.update(task('a', { status: 'completed', result: { content: [] } }));
    expect(await store.get('a')).toEqual(
      task('a', { status: 'completed', result: { content: [] } }),
    );
    vi.advanceTimersByTime(1000);
    await store.update(task('a', { status: 'failed' }));
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  test('when full, the oldest finished task makes room', async () => {
    const store = memoryTaskStore({ maxTasks: 3 });
    await store.create(task('running'));
    await store.create(task('done-1', { status: 'completed' }));
    await store.create(task('done-2', { status: 'cancelled' }));
    await store.create(task('new'));
    expect(store.size).toBe(3);
    expect(await store.get('done-1')).toBeUndefined();
    expect((await store.get('done-2'))?.status).toBe('cancelled');
    expect((await store.get('running'))?.status).toBe('working');
    store.clear();
  });

  test('when full of running tasks, creating one fails with -32603', async () => {
    const store = memoryTaskStore({ maxTasks: 2 });
    await store.create(task('a'));
    await store.create(task('b', { status: 'input_required' }));
    let error: unknown;
    try {
      await store.create(task('c'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(-32603);
    expect((error as McpError).message).toBe(
      'The server is running its maximum of 2 tasks; try again later',
    );
    expect(await store.get('c')).toBeUndefined();
    store.clear();
  });
});
