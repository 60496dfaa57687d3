import type { ClientCapabilities } from './capabilities.js';
import type { ResultType } from './stateless.js';

/** Any value that survives a JSON round trip. */
export type JSONValue = string | number | boolean | null | JSONObject | JSONArray;
export type JSONObject = { [key: string]: JSONValue };
export type JSONArray = JSONValue[];

/** A request id: a string or an integer, never null. */
export type RequestId = string | number;

/** A progress token, chosen by the requester and echoed in `notifications/progress`. */
export type ProgressToken = string | number;

/** An opaque pagination position. */
export type Cursor = string;

/** The sender or recipient of a message. */
export type Role = 'user' | 'assistant';

/** Free-form `_meta`; keys with a `*.modelcontextprotocol/` or `*.mcp/` prefix are reserved. */
export interface Meta {
  [key: string]: unknown;
}

/** `params._meta` of a request. */
export interface RequestMeta extends Meta {
  progressToken?: ProgressToken;
  /** 2026-07-28+: required on every request. */
  'io.modelcontextprotocol/protocolVersion'?: string;
  /** 2026-07-28+: required on every request; `{}` means none. */
  'io.modelcontextprotocol/clientCapabilities'?: ClientCapabilities;
  /** 2026-07-28+ */
  'io.modelcontextprotocol/clientInfo'?: Implementation;
  /** 2026-07-28+: opts this request in to `notifications/message` at or above this level. */
  'io.modelcontextprotocol/logLevel'?: LoggingLevel;
  /** 2025-11-25: tags side requests that belong to a task. */
  'io.modelcontextprotocol/related-task'?: RelatedTaskMeta;
}

/** `params._meta` of a notification. */
export interface NotificationMeta extends Meta {
  /** 2026-07-28+: id of the `subscriptions/listen` request whose stream carries this notification. */
  'io.modelcontextprotocol/subscriptionId'?: RequestId;
  /** 2025-11-25 */
  'io.modelcontextprotocol/related-task'?: RelatedTaskMeta;
}

/** `result._meta`. */
export interface ResultMeta extends Meta {
  /** 2026-07-28+ */
  'io.modelcontextprotocol/serverInfo'?: Implementation;
  /** 2025-11-25: set on a `tasks/result` payload. */
  'io.modelcontextprotocol/related-task'?: RelatedTaskMeta;
}

/** Value of the `io.modelcontextprotocol/related-task` key. */
export interface RelatedTaskMeta {
  taskId: string;
}

/** Params every request may carry. */
export interface RequestParams {
  _meta?: RequestMeta;
}

/** Params every notification may carry. */
export interface NotificationParams {
  _meta?: NotificationMeta;
}

/** Fields every result may carry. */
export interface Result {
  _meta?: ResultMeta;
  /** 2026-07-28+: absent means `'complete'`. */
  resultType?: ResultType;
}

/** A result that carries no data (ping, subscribe, setLevel). */
export type EmptyResult = Result;

export interface PaginatedParams extends RequestParams {
  cursor?: Cursor;
}

export interface PaginatedResult extends Result {
  /** Absent when this is the last page. */
  nextCursor?: Cursor;
}

/** An icon a client may show; `src` is an `https:` or `data:` URI. 2025-11-25+ */
export interface Icon {
  src: string;
  mimeType?: string;
  /** `'48x48'`-style sizes, or `'any'` for scalable formats. */
  sizes?: string[];
  /** The background the icon is designed for. */
  theme?: 'light' | 'dark';
}

/** `name` is the programmatic id; `title` is for display. */
export interface BaseMetadata {
  name: string;
  /** 2025-06-18+ */
  title?: string;
}

/** Identifies a client or server (`clientInfo` / `serverInfo`). */
export interface Implementation extends BaseMetadata {
  version: string;
  /** 2025-11-25+ */
  description?: string;
  /** 2025-11-25+ */
  icons?: Icon[];
  /** 2025-11-25+ */
  websiteUrl?: string;
}

/** Hints for how a client uses or displays an object. */
export interface Annotations {
  audience?: Role[];
  /** 0 (least important) to 1 (effectively required). */
  priority?: number;
  /** ISO 8601 timestamp. */
  lastModified?: string;
}

/** Log severity, RFC 5424 names. */
export type LoggingLevel =
  | 'debug'
  | 'info'
  | 'notice'
  | 'warning'
  | 'error'
  | 'critical'
  | 'alert'
  | 'emergency';

/** Every logging level, least to most severe. */
export const LOGGING_LEVELS = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
] as const satisfies readonly LoggingLevel[];
