import { ErrorCode, hasCapability, type JsonObject, McpError } from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { ServerCore } from './server-core.js';
import { isTerminal, publicTask, TaskControl } from './task-control.js';
import { type MemoryTaskStore, memoryTaskStore } from './task-store.js';
import {
  checkTasksOptions,
  type StoredTask,
  TASKS_EXTENSION,
  type TaskStore,
  type TasksOptions,
  type ToolTaskSupport,
} from './task-types.js';
import type { ErrorInfo } from './types.js';

const HOUR = 60 * 60_000;
const MAX_DELAY = 2_147_483_647;
const TASKS_CAPABILITY: JsonObject = { extensions: { [TASKS_EXTENSION]: {} } };

/** Did this request declare the tasks extension in its own `_meta` client capabilities? */
export function declaresTasks(ctx: RequestContext): boolean {
  return (
    ctx.era === 'stateless' &&
    hasCapability(ctx.client.capabilities as JsonObject, TASKS_CAPABILITY)
  );
}

/** -32021 naming the tasks extension (SEP-2663 §Capability Negotiation). */
export function missingTasksCapability(what: string): McpError {
  return new McpError(
    ErrorCode.MissingRequiredClientCapability,
    `${what} needs the ${TASKS_EXTENSION} extension in the request's client capabilities`,
    { requiredCapabilities: TASKS_CAPABILITY },
  );
}

/** Does this server offer tasks (a tool supports them, or tasks were made)? */
export function offersTasks(server: ServerCore): boolean {
  return server.tasks.used || server.toolRegistry.list().some((entry) => entry.task);
}

/**
 * A server's tasks: the store (shared or in memory), the tasks running in this process, and
 * the `tasks/get|update|cancel` operations. A task whose handler runs in another process is
 * read from the store; its input and cancellation must reach that process (route `tasks/*`
 * requests by their `Mcp-Name` header, which carries the task id).
 */
export class TaskManager {
  readonly store: TaskStore;
  /** true once a task was created (tasks/* stay served even if task tools go away) */
  used = false;
  private readonly ownStore: MemoryTaskStore | undefined;
  private readonly ttlMs: number | null;
  private readonly pollIntervalMs: number;
  /** tasks whose handler runs in this process, with their expiry timers */
  private readonly live = new Map<
    string,
    { control: TaskControl; timer: ReturnType<typeof setTimeout> | undefined }
  >();

  constructor(
    private readonly options: TasksOptions,
    private readonly report: (error: unknown, info: ErrorInfo) => void,
  ) {
    checkTasksOptions(options);
    this.ownStore = options.store ? undefined : memoryTaskStore({ maxTasks: options.maxTasks });
    this.store = options.store ?? this.ownStore!;
    this.ttlMs = options.ttlMs === undefined ? HOUR : options.ttlMs;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** A control for a tools/call that may become a task (nothing is stored until it starts). */
  prepare(ctx: RequestContext, support: ToolTaskSupport): TaskControl {
    const seed = {
      ttlMs: support.ttlMs === undefined ? this.ttlMs : support.ttlMs,
      pollIntervalMs: support.pollIntervalMs ?? this.pollIntervalMs,
      owner: this.ownerOf(ctx),
    };
    const name = String(ctx.params.name);
    return new TaskControl(this.store, seed, {
      begin: (control) => this.track(control),
      end: (control) => this.forget(control),
      // The client never sees a failed store write: reported as masked (default: stderr).
      report: (error) => this.report(error, { method: 'tools/call', name, masked: true }),
    });
  }

  /** tasks/get: the task as stored, with `resultType: 'complete'`. */
  async get(ctx: RequestContext, taskId: string): Promise<JsonObject> {
    return { resultType: 'complete', ...publicTask(await this.find(ctx, taskId)) };
  }

  /** tasks/update: answers for the task's outstanding input requests; unknown keys are ignored. */
  async update(ctx: RequestContext, taskId: string, responses: JsonObject): Promise<JsonObject> {
    const task = await this.find(ctx, taskId);
    const control = this.live.get(taskId)?.control;
    if (control) await control.deliver(responses);
    else if (!isTerminal(task.status)) throw elsewhere(taskId);
    return {};
  }

  /** tasks/cancel: an empty acknowledgement, also for tasks that already ended. */
  async cancel(ctx: RequestContext, taskId: string): Promise<JsonObject> {
    const task = await this.find(ctx, taskId);
    const control = this.live.get(taskId)?.control;
    if (control) {
      await control.cancel();
    } else if (!isTerminal(task.status)) {
      // Running elsewhere: the shared store tells its process, which checks before it finishes.
      const now = new Date().toISOString();
      const { inputRequests: _i, ...rest } = task;
      await this.store.update({ ...rest, status: 'cancelled', lastUpdatedAt: now });
    }
    return {};
  }

  /** server.close(): tasks still running here fail; the in-memory store is emptied. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.live.values()].map(({ control }) => control.close()));
    this.ownStore?.clear();
  }

  private async find(ctx: RequestContext, taskId: string): Promise<StoredTask> {
    const task = await this.store.get(taskId);
    // Someone else's task looks exactly like one that does not exist.
    if (!task || task.owner !== this.ownerOf(ctx)) {
      throw new McpError(ErrorCode.InvalidParams, `Task not found: ${taskId}`, { taskId });
    }
    return task;
  }

  private ownerOf(ctx: RequestContext): string | undefined {
    return this.options.owner?.(ctx);
  }

  private track(control: TaskControl): void {
    this.used = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ttl = control.ttlMs;
    // The store forgets the task at its TTL; the handler is stopped then too.
    if (ttl !== null && ttl <= MAX_DELAY) {
      timer = setTimeout(() => control.expire(), ttl);
      (timer as { unref?: () => void }).unref?.();
    }
    this.live.set(control.id, { control, timer });
  }

  private forget(control: TaskControl): void {
    const timer = this.live.get(control.id)?.timer;
    if (timer !== undefined) clearTimeout(timer);
    this.live.delete(control.id);
  }
}

const elsewhere = (taskId: string) =>
  new McpError(
    ErrorCode.InternalError,
    `Task ${taskId} is not running in this server process; route tasks/* requests by Mcp-Name`,
    { taskId },
  );
