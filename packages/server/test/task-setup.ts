import { McpError } from '@mcpkit/core';
import { createServer, ToolError } from '@mcpkit/server';
import { afterEach, beforeEach, vi } from 'vitest';
import { z } from 'zod';
import { result, SERVER_INFO } from './helpers.js';

// Shared by the tasks tests: a fixed clock, predictable task ids, and a server of task tools.

export const EXT = { extensions: { 'io.modelcontextprotocol/tasks': {} } };
export const T0 = '2026-08-01T10:00:00.000Z';
export const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
export const META = { _meta: { [SERVER_INFO]: { name: 's', version: '1' } } };
export const ID1 = '00000000-0000-4000-8000-000000000001';
export const ID2 = '00000000-0000-4000-8000-000000000002';

/** Resolves after ms of (fake) time, or rejects when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** Fake timers from T0 and task ids ID1, ID2, … for every test of the calling file. */
export function useTaskClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date(T0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let ids = 0;
    vi.spyOn(crypto, 'randomUUID').mockImplementation(
      () =>
        `00000000-0000-4000-8000-00000000000${++ids}` as `${string}-${string}-${string}-${string}-${string}`,
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** The signals the `slow` tool's handlers saw, in call order. */
export const signals: AbortSignal[] = [];

type TasksOption = Parameters<typeof createServer>[0]['tasks'];

/** A server of task tools: slow (optional), failing (required), protocol, chatty, and greet. */
export function buildTaskServer(tasks: TasksOption = {}) {
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

export type TaskServer = ReturnType<typeof buildTaskServer>;

/** The first task of a {@link buildTaskServer} server, as every answer shows it. */
export const TASK1 = { taskId: ID1, createdAt: T0, ttlMs: 3_600_000, pollIntervalMs: 250 };

/** tools/call and tasks/get on `server`, declaring the extension unless told otherwise. */
export function clientOf(server: () => TaskServer) {
  return {
    call: (name: string, args: object = {}, caps: object = EXT, extra: object = {}) =>
      result(server(), 'tools/call', { name, arguments: args, ...extra } as never, {
        caps: caps as never,
      }),
    get: (taskId: unknown) => result(server(), 'tasks/get', { taskId } as never, { caps: EXT }),
  };
}
