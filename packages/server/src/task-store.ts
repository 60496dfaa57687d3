import { ErrorCode, McpError } from '@mcpkit/core';
import type { StoredTask, TaskStore } from './task-types.js';

/** setTimeout's longest delay; longer TTLs are re-armed when it fires. */
const MAX_DELAY = 2_147_483_647;

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** Options of {@link memoryTaskStore}. */
export interface MemoryTaskStoreOptions {
  /** at most this many tasks; the oldest finished one makes room (default 1000) */
  maxTasks?: number;
}

/** The in-process task store; `clear()` drops every task and timer. */
export interface MemoryTaskStore extends TaskStore {
  readonly size: number;
  clear(): void;
}

interface Slot {
  task: StoredTask;
  expiresAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

// A pending expiry must not keep a process alive (Node, Bun, Deno have unref; others return ids).
const unref = (timer: ReturnType<typeof setTimeout>) => (timer as { unref?: () => void }).unref?.();

/**
 * Tasks in a Map: each expires `ttlMs` after its creation (one unref'd timer per task), and the
 * store holds at most `maxTasks`. When full, the oldest finished task is dropped; when every task
 * is still running, creating one fails with -32603. Tasks are copied in and out.
 * @example createServer({ name, version, tasks: { store: memoryTaskStore({ maxTasks: 100 }) } });
 */
export function memoryTaskStore(options: MemoryTaskStoreOptions = {}): MemoryTaskStore {
  const maxTasks = options.maxTasks ?? 1000;
  // Insertion order is creation order: the first finished slot found is the oldest.
  const slots = new Map<string, Slot>();

  const drop = (taskId: string) => {
    const slot = slots.get(taskId);
    if (slot?.timer !== undefined) clearTimeout(slot.timer);
    slots.delete(taskId);
  };

  const arm = (taskId: string, slot: Slot) => {
    const wait = slot.expiresAt - Date.now();
    if (wait <= 0) {
      drop(taskId);
      return;
    }
    slot.timer = setTimeout(() => arm(taskId, slot), Math.min(wait, MAX_DELAY));
    unref(slot.timer);
  };

  const live = (taskId: string): Slot | undefined => {
    const slot = slots.get(taskId);
    if (slot && slot.expiresAt <= Date.now()) {
      drop(taskId);
      return undefined;
    }
    return slot;
  };

  const makeRoom = () => {
    if (slots.size < maxTasks) return;
    for (const [taskId, slot] of slots) {
      if (TERMINAL.has(slot.task.status)) {
        drop(taskId);
        return;
      }
    }
    throw new McpError(
      ErrorCode.InternalError,
      `The server is running its maximum of ${maxTasks} tasks; try again later`,
    );
  };

  return {
    get size() {
      return slots.size;
    },
    create(task) {
      makeRoom();
      const created = Date.parse(task.createdAt);
      const expiresAt = task.ttlMs === null ? Number.POSITIVE_INFINITY : created + task.ttlMs;
      const slot: Slot = { task: structuredClone(task), expiresAt, timer: undefined };
      slots.set(task.taskId, slot);
      if (task.ttlMs !== null) arm(task.taskId, slot);
    },
    get(taskId) {
      const slot = live(taskId);
      return slot ? structuredClone(slot.task) : undefined;
    },
    update(task) {
      const slot = live(task.taskId);
      if (slot) slot.task = structuredClone(task);
    },
    clear() {
      for (const taskId of [...slots.keys()]) drop(taskId);
    },
  };
}
