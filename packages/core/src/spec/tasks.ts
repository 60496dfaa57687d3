import type { NotificationParams, PaginatedResult, RequestParams, Result } from './base.js';

// Tasks as specified in 2025-11-25 (experimental). In 2026-07-28 they moved to the
// `io.modelcontextprotocol/tasks` extension.

export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/** `params.task`: asks the receiver to run the request as a task. */
export interface TaskMetadata {
  /** Requested retention in milliseconds. */
  ttl?: number;
}

/** Params of a request that may be task-augmented. 2025-11-25 */
export interface TaskAugmentedParams {
  task?: TaskMetadata;
}

export interface Task {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  /** ISO 8601 timestamp. */
  lastUpdatedAt: string;
  /** Retention in milliseconds; null means unlimited. */
  ttl: number | null;
  /** Suggested polling interval in milliseconds. */
  pollInterval?: number;
}

/** The immediate answer to a task-augmented request. */
export interface CreateTaskResult extends Result {
  task: Task;
}

/** Params of `tasks/get`, `tasks/result` and `tasks/cancel`. */
export interface TaskIdParams extends RequestParams {
  taskId: string;
}

export interface GetTaskResult extends Result, Task {}

export interface CancelTaskResult extends Result, Task {}

/** `tasks/result`: exactly the result the original request would have produced. */
export interface GetTaskPayloadResult extends Result {
  [key: string]: unknown;
}

export interface ListTasksResult extends PaginatedResult {
  tasks: Task[];
}

/** Params of `notifications/tasks/status`: the full task. */
export interface TaskStatusNotificationParams extends NotificationParams, Task {}
