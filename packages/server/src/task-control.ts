import {
  ErrorCode,
  type InputRequest,
  type InputRequests,
  type JsonObject,
  McpError,
  toErrorObject,
} from '@mcpkit/core';
import type { StoredTask, TaskStatus, TaskStore } from './task-types.js';

/** How a task's handler ended: its result, or what it threw. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  request: InputRequest;
  resolve(answer: unknown): void;
  reject(error: unknown): void;
}

/** What a new task is made from. */
export interface TaskSeed {
  ttlMs: number | null;
  pollIntervalMs: number;
  owner: string | undefined;
}

/** What a task tells the server about itself. */
export interface TaskHooks {
  /** the task now exists in the store */
  begin(control: TaskControl): void;
  /** the task is over here (finished, cancelled, expired, closed) */
  end(control: TaskControl): void;
  /** the store failed to save a change */
  report(error: unknown): void;
}

const TERMINAL = new Set<TaskStatus>(['completed', 'failed', 'cancelled']);
export const isTerminal = (status: TaskStatus) => TERMINAL.has(status);

/** The fields of a task a client sees (everything but `owner`). */
export function publicTask(task: StoredTask): JsonObject {
  const { owner: _owner, ...shown } = task;
  return shown as unknown as JsonObject;
}

/**
 * One tools/call that runs (or may come to run) as a task: its state, the signal its handler
 * sees, the input it waits for. Every change is written to the store in order, so `tasks/get`
 * (answered from the store, possibly by another process) sees what happened.
 */
export class TaskControl {
  /** the task id, minted when the task starts (MRTR rounds before that create nothing) */
  id = '';
  readonly controller = new AbortController();
  /** true once the task exists in the store (the call answered `CreateTaskResult`) */
  started = false;
  /** resolves when the task has been created */
  readonly created: Promise<void>;
  private state: StoredTask | undefined;
  private initial: JsonObject | undefined;
  private starting: Promise<void> | undefined;
  private markCreated!: () => void;
  private readonly pending = new Map<string, Pending>();
  private readonly usedKeys = new Set<string>();
  private keyIndex = 0;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: TaskStore,
    private readonly seed: TaskSeed,
    private readonly hooks: TaskHooks,
  ) {
    this.created = new Promise((resolve) => {
      this.markCreated = resolve;
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get ttlMs(): number | null {
    return this.seed.ttlMs;
  }

  get status(): TaskStatus | undefined {
    return this.state?.status;
  }

  /** Create the task in the store (once); the call then answers with {@link createResult}. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.id = crypto.randomUUID();
      const now = new Date().toISOString();
      const task: StoredTask = {
        taskId: this.id,
        status: 'working',
        createdAt: now,
        lastUpdatedAt: now,
        ttlMs: this.seed.ttlMs,
        pollIntervalMs: this.seed.pollIntervalMs,
      };
      if (this.seed.owner !== undefined) task.owner = this.seed.owner;
      await this.store.create(task);
      this.state = task;
      this.initial = { resultType: 'task', ...publicTask(task) };
      this.started = true;
      this.hooks.begin(this);
      this.markCreated();
    })();
    return this.starting;
  }

  /** The flat `CreateTaskResult` (SEP-2663): `resultType: 'task'` and the new task's fields. */
  createResult(): JsonObject {
    return { ...this.initial };
  }

  /**
   * Wait for the client's answer to `request`, shown under a key never used before in this task
   * (`key` itself the first time). Rejects when the task is cancelled or expires.
   */
  waitFor(key: string, request: InputRequest): Promise<unknown> {
    if (this.signal.aborted) return Promise.reject(this.signal.reason);
    let wireKey = key;
    while (this.usedKeys.has(wireKey)) wireKey = `${key}_${++this.keyIndex}`;
    this.usedKeys.add(wireKey);
    return new Promise((resolve, reject) => {
      this.pending.set(wireKey, { request, resolve, reject });
      this.change('input_required');
    });
  }

  /** A fresh key for an input request without one: `elicit_0`, `sample_1`, … */
  nextKey(kind: string): string {
    return `${kind}_${this.keyIndex++}`;
  }

  /** tasks/update: answer the outstanding requests named in `responses`; others are ignored. */
  deliver(responses: Record<string, unknown>): Promise<void> {
    const answered: [Pending, unknown][] = [];
    for (const [key, answer] of Object.entries(responses)) {
      const waiting = this.pending.get(key);
      if (!waiting) continue;
      this.pending.delete(key);
      answered.push([waiting, answer]);
    }
    if (answered.length === 0) return this.writes;
    this.change(this.pending.size > 0 ? 'input_required' : 'working');
    // Written before the handler resumes, so its next change lands after this one.
    for (const [waiting, answer] of answered) waiting.resolve(answer);
    return this.writes;
  }

  /** tasks/cancel: the task is cancelled at once; the handler's `ctx.signal` aborts. */
  cancel(): Promise<void> {
    if (!this.state || isTerminal(this.state.status)) return this.writes;
    this.end('cancelled', {}, new Error('The task was cancelled'));
    return this.writes;
  }

  /** The task's TTL elapsed (the store has dropped it): stop the handler, write nothing. */
  expire(): void {
    if (!this.state || isTerminal(this.state.status)) return;
    this.state = { ...this.state, status: 'failed' };
    this.abortAll(new McpError(ErrorCode.InternalError, 'The task expired'));
  }

  /** The server is closing: the task fails. */
  close(): Promise<void> {
    if (!this.state || isTerminal(this.state.status)) return this.writes;
    const error = new McpError(ErrorCode.InternalError, 'The server closed before the task ended');
    this.end('failed', { error: toErrorObject(error), statusMessage: error.message }, error);
    return this.writes;
  }

  /** The handler ended: `completed` with its result, or `failed` with its protocol error. */
  async finish(outcome: Outcome): Promise<void> {
    if (!this.state || isTerminal(this.state.status)) return;
    // Another process may have cancelled it through a shared store.
    let stored: StoredTask | undefined = this.state;
    try {
      stored = await this.store.get(this.id);
    } catch (error) {
      this.hooks.report(error);
    }
    if (isTerminal(this.state.status)) return;
    if (!stored || isTerminal(stored.status)) {
      this.state = { ...this.state, status: stored?.status ?? 'failed' };
      this.abortAll(new Error('The task ended elsewhere'));
      return;
    }
    if (outcome.ok) {
      const result = { resultType: 'complete', ...(outcome.value as JsonObject) };
      this.end('completed', { result });
    } else {
      const error = toErrorObject(outcome.error);
      this.end('failed', { error, statusMessage: error.message });
    }
    await this.writes;
  }

  private end(status: TaskStatus, fields: Partial<StoredTask>, reason?: unknown): void {
    this.change(status, fields);
    this.abortAll(reason);
  }

  private abortAll(reason: unknown): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    if (reason !== undefined && !this.controller.signal.aborted) this.controller.abort(reason);
    for (const w of waiting) w.reject(reason ?? new Error('The task ended'));
    this.hooks.end(this);
  }

  /** Set the status (and fields), then queue the write: the store sees changes in order. */
  private change(status: TaskStatus, fields: Partial<StoredTask> = {}): void {
    const previous = this.state!;
    const next: StoredTask = {
      taskId: previous.taskId,
      status,
      createdAt: previous.createdAt,
      lastUpdatedAt: new Date().toISOString(),
      ttlMs: previous.ttlMs,
      pollIntervalMs: previous.pollIntervalMs,
      ...fields,
    };
    if (previous.owner !== undefined) next.owner = previous.owner;
    if (status === 'input_required') next.inputRequests = this.outstanding();
    this.state = next;
    const { store, hooks } = this;
    // A failed write is reported, never left to break the chain or go unhandled.
    this.writes = this.writes.then(() => store.update(next)).catch(hooks.report);
  }

  private outstanding(): InputRequests {
    const requests: InputRequests = {};
    for (const [key, { request }] of this.pending) requests[key] = request;
    return requests;
  }
}
