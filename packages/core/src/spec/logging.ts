import type { LoggingLevel, NotificationParams, RequestParams } from './base.js';

/** Handshake era only; 2026-07-28 uses the `io.modelcontextprotocol/logLevel` request `_meta` key. */
export interface SetLevelParams extends RequestParams {
  level: LoggingLevel;
}

/** Params of `notifications/message`. */
export interface LoggingMessageNotificationParams extends NotificationParams {
  level: LoggingLevel;
  /** Name of the logger that emitted the message. */
  logger?: string;
  /** Any JSON value. */
  data: unknown;
}
