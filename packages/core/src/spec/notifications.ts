import type { NotificationParams, ProgressToken, RequestId } from './base.js';

export interface ProgressNotificationParams extends NotificationParams {
  progressToken: ProgressToken;
  /** Increases with every notification; may be fractional. */
  progress: number;
  total?: number;
  message?: string;
}

export interface CancelledNotificationParams extends NotificationParams {
  /** Optional in 2025-11-25 (tasks are cancelled with `tasks/cancel`); required from 2026-07-28. */
  requestId?: RequestId;
  reason?: string;
}

export interface ResourceUpdatedNotificationParams extends NotificationParams {
  /** May be a sub-resource of the subscribed URI. */
  uri: string;
}

/** 2025-11-25 only. */
export interface ElicitationCompleteNotificationParams extends NotificationParams {
  elicitationId: string;
}

/** Params of every `notifications/…/list_changed`. */
export type ListChangedNotificationParams = NotificationParams;

/** Params of `notifications/initialized`. Handshake era only. */
export type InitializedNotificationParams = NotificationParams;
