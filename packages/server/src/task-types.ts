import type { InputRequests, JsonObject, JsonRpcErrorObject } from '@mcpkit/core';
import type { Context } from './context-types.js';

/** The tasks extension's identifier (SEP-2663), in capabilities and `-32021` errors. */
export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';

/** Where a task is in its life; the last three never change again. */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/**
 * A task as `tasks/get` shows it (SEP-2663 `DetailedTask`), plus `owner`, which is never sent.
 * Plain JSON, so any store can keep it.
 */
export interface StoredTask {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601 */
  lastUpdatedAt: string;
  /** lifetime from `createdAt` in ms; null for unlimited */
  ttlMs: number | null;
  pollIntervalMs?: number;
  /** `input_required`: what the client must answer with `tasks/update` */
  inputRequests?: InputRequests;
  /** `completed`: the tool result (with `isError` for tool errors) */
  result?: JsonObject;
  /** `failed`: the JSON-RPC error */
  error?: JsonRpcErrorObject;
  /** who may see the task: the `tasks.owner` option's value when it was created */
  owner?: string;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Where tasks are kept. The default, {@link memoryTaskStore}, lives in the process; implement this
 * over a shared database when several processes serve one URL. Expiry (`createdAt + ttlMs`) is
 * the store's job: `get` must not return an expired task.
 */
export interface TaskStore {
  /** Save a new task. Resolve only once `get` (from any process) finds it. */
  create(task: StoredTask): MaybePromise<void>;
  /** The task, or undefined when it is unknown or expired. */
  get(taskId: string): MaybePromise<StoredTask | undefined>;
  /** Replace a task's state. An unknown (expired) task stays unknown. */
  update(task: StoredTask): MaybePromise<void>;
}

/** Whether a tool may (`optional`) or must (`required`) run as a task. */
export type TaskSupport = 'optional' | 'required';

/** A tool's task settings (`.tool(name, { task }, handler)`). */
export interface ToolTaskOptions {
  support: TaskSupport;
  /**
   * `'call'` (default): the task starts before the handler runs. `'handler'`: the call runs as a
   * plain one (MRTR input included) until the handler calls `ctx.startTask()`.
   */
  start?: 'call' | 'handler';
  /** overrides the server's `tasks.ttlMs` */
  ttlMs?: number | null;
  /** overrides the server's `tasks.pollIntervalMs` */
  pollIntervalMs?: number;
}

/** The `tasks` option of `createServer()`. */
export interface TasksOptions {
  /** default: {@link memoryTaskStore} with `maxTasks` */
  store?: TaskStore;
  /** how long a task is kept, from its creation (default 1 hour; null: until the process ends) */
  ttlMs?: number | null;
  /** the polling interval suggested to clients (default 1000 ms) */
  pollIntervalMs?: number;
  /** the default store's bound: beyond it the oldest finished task goes (default 1000) */
  maxTasks?: number;
  /**
   * Who a request acts for (e.g. a user id from `ctx.auth`). A task is then visible to
   * `tasks/get|update|cancel` requests of the same owner only; others are told it does not exist.
   */
  owner?: (ctx: Context<unknown>) => string | undefined;
}

/** What a registered tool keeps of its task settings. */
export interface ToolTaskSupport {
  readonly support: TaskSupport;
  readonly start: 'call' | 'handler';
  readonly ttlMs: number | null | undefined;
  readonly pollIntervalMs: number | undefined;
}

const positiveInt = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Check a tool's `task` setting once, at registration. */
export function toolTaskSupport(
  tool: string,
  value: TaskSupport | ToolTaskOptions | undefined,
): ToolTaskSupport | undefined {
  if (value === undefined) return undefined;
  const options = typeof value === 'string' ? { support: value } : value;
  const bad = (what: string) => new TypeError(`Tool ${tool}: task ${what}`);
  if (options.support !== 'optional' && options.support !== 'required') {
    throw bad(`support must be 'optional' or 'required', not ${JSON.stringify(options.support)}`);
  }
  const start = options.start ?? 'call';
  if (start !== 'call' && start !== 'handler') {
    throw bad(`start must be 'call' or 'handler', not ${JSON.stringify(start)}`);
  }
  if (options.ttlMs !== undefined && options.ttlMs !== null && !positiveInt(options.ttlMs)) {
    throw bad('ttlMs must be a positive integer or null');
  }
  if (options.pollIntervalMs !== undefined && !positiveInt(options.pollIntervalMs)) {
    throw bad('pollIntervalMs must be a positive integer');
  }
  return {
    support: options.support,
    start,
    ttlMs: options.ttlMs,
    pollIntervalMs: options.pollIntervalMs,
  };
}

/** Check the server's `tasks` option once. */
export function checkTasksOptions(options: TasksOptions): void {
  const { ttlMs, pollIntervalMs, maxTasks } = options;
  if (ttlMs !== undefined && ttlMs !== null && !positiveInt(ttlMs)) {
    throw new TypeError('tasks.ttlMs must be a positive integer or null');
  }
  if (pollIntervalMs !== undefined && !positiveInt(pollIntervalMs)) {
    throw new TypeError('tasks.pollIntervalMs must be a positive integer');
  }
  if (maxTasks !== undefined && !positiveInt(maxTasks)) {
    throw new TypeError('tasks.maxTasks must be a positive integer');
  }
}
