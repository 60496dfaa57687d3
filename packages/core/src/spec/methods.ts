import type { EmptyResult, NotificationParams, PaginatedParams, RequestParams } from './base.js';
import type { CompleteParams, CompleteResult } from './completion.js';
import type { ElicitRequestParams, ElicitResult } from './elicitation.js';
import type { InitializeParams, InitializeResult } from './initialize.js';
import type { LoggingMessageNotificationParams, SetLevelParams } from './logging.js';
import type {
  CancelledNotificationParams,
  ElicitationCompleteNotificationParams,
  ProgressNotificationParams,
  ResourceUpdatedNotificationParams,
} from './notifications.js';
import type { GetPromptParams, GetPromptResult, ListPromptsResult } from './prompts.js';
import type {
  ListResourcesResult,
  ListResourceTemplatesResult,
  ReadResourceParams,
  ReadResourceResult,
  SubscribeParams,
  UnsubscribeParams,
} from './resources.js';
import type { ListRootsResult } from './roots.js';
import type { CreateMessageParams, CreateMessageResult } from './sampling.js';
import type {
  DiscoverParams,
  DiscoverResult,
  SubscriptionAcknowledgedParams,
  SubscriptionsListenParams,
  SubscriptionsListenResult,
} from './stateless.js';
import type {
  CancelTaskResult,
  GetTaskPayloadResult,
  GetTaskResult,
  ListTasksResult,
  TaskIdParams,
  TaskStatusNotificationParams,
} from './tasks.js';
import type { CallToolParams, CallToolResult, ListToolsResult } from './tools.js';

/** Every request and notification method name, both eras. */
export const METHODS = {
  initialize: 'initialize',
  ping: 'ping',
  serverDiscover: 'server/discover',
  toolsList: 'tools/list',
  toolsCall: 'tools/call',
  resourcesList: 'resources/list',
  resourcesTemplatesList: 'resources/templates/list',
  resourcesRead: 'resources/read',
  resourcesSubscribe: 'resources/subscribe',
  resourcesUnsubscribe: 'resources/unsubscribe',
  promptsList: 'prompts/list',
  promptsGet: 'prompts/get',
  completionComplete: 'completion/complete',
  loggingSetLevel: 'logging/setLevel',
  samplingCreateMessage: 'sampling/createMessage',
  elicitationCreate: 'elicitation/create',
  rootsList: 'roots/list',
  subscriptionsListen: 'subscriptions/listen',
  tasksGet: 'tasks/get',
  tasksResult: 'tasks/result',
  tasksList: 'tasks/list',
  tasksCancel: 'tasks/cancel',
  tasksUpdate: 'tasks/update',
  initialized: 'notifications/initialized',
  cancelled: 'notifications/cancelled',
  progress: 'notifications/progress',
  loggingMessage: 'notifications/message',
  resourceUpdated: 'notifications/resources/updated',
  resourceListChanged: 'notifications/resources/list_changed',
  toolListChanged: 'notifications/tools/list_changed',
  promptListChanged: 'notifications/prompts/list_changed',
  rootsListChanged: 'notifications/roots/list_changed',
  elicitationComplete: 'notifications/elicitation/complete',
  taskStatus: 'notifications/tasks/status',
  subscriptionsAcknowledged: 'notifications/subscriptions/acknowledged',
} as const;

/** Any method or notification name. */
export type MethodName = (typeof METHODS)[keyof typeof METHODS];

/** Methods that do not exist on the 2026-07-28 wire (a request for one gets -32601). */
export const REMOVED_IN_STATELESS = [
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
  'notifications/initialized',
  'notifications/roots/list_changed',
] as const satisfies readonly MethodName[];

/**
 * Requests a client sends, by method. `result` is the final shape; methods in
 * `InputRequiredMethod` may also answer `InputRequiredResult` (2026-07-28), and
 * task-augmented calls answer `CreateTaskResult` (2025-11-25).
 */
export interface ClientRequestMap {
  initialize: { params: InitializeParams; result: InitializeResult };
  ping: { params?: RequestParams; result: EmptyResult };
  'server/discover': { params?: DiscoverParams; result: DiscoverResult };
  'tools/list': { params?: PaginatedParams; result: ListToolsResult };
  'tools/call': { params: CallToolParams; result: CallToolResult };
  'resources/list': { params?: PaginatedParams; result: ListResourcesResult };
  'resources/templates/list': { params?: PaginatedParams; result: ListResourceTemplatesResult };
  'resources/read': { params: ReadResourceParams; result: ReadResourceResult };
  'resources/subscribe': { params: SubscribeParams; result: EmptyResult };
  'resources/unsubscribe': { params: UnsubscribeParams; result: EmptyResult };
  'prompts/list': { params?: PaginatedParams; result: ListPromptsResult };
  'prompts/get': { params: GetPromptParams; result: GetPromptResult };
  'completion/complete': { params: CompleteParams; result: CompleteResult };
  'logging/setLevel': { params: SetLevelParams; result: EmptyResult };
  'subscriptions/listen': { params: SubscriptionsListenParams; result: SubscriptionsListenResult };
  'tasks/get': { params: TaskIdParams; result: GetTaskResult };
  'tasks/result': { params: TaskIdParams; result: GetTaskPayloadResult };
  'tasks/list': { params?: PaginatedParams; result: ListTasksResult };
  'tasks/cancel': { params: TaskIdParams; result: CancelTaskResult };
}

/** Requests a server sends, by method (handshake era; 2026-07-28 uses input requests instead). */
export interface ServerRequestMap {
  ping: { params?: RequestParams; result: EmptyResult };
  'sampling/createMessage': { params: CreateMessageParams; result: CreateMessageResult };
  'elicitation/create': { params: ElicitRequestParams; result: ElicitResult };
  'roots/list': { params?: RequestParams; result: ListRootsResult };
  'tasks/get': { params: TaskIdParams; result: GetTaskResult };
  'tasks/result': { params: TaskIdParams; result: GetTaskPayloadResult };
  'tasks/list': { params?: PaginatedParams; result: ListTasksResult };
  'tasks/cancel': { params: TaskIdParams; result: CancelTaskResult };
}

/** Notifications a client sends, by method. */
export interface ClientNotificationMap {
  'notifications/initialized': { params?: NotificationParams };
  'notifications/cancelled': { params: CancelledNotificationParams };
  'notifications/progress': { params: ProgressNotificationParams };
  'notifications/roots/list_changed': { params?: NotificationParams };
  'notifications/tasks/status': { params: TaskStatusNotificationParams };
}

/** Notifications a server sends, by method. */
export interface ServerNotificationMap {
  'notifications/cancelled': { params: CancelledNotificationParams };
  'notifications/progress': { params: ProgressNotificationParams };
  'notifications/message': { params: LoggingMessageNotificationParams };
  'notifications/resources/updated': { params: ResourceUpdatedNotificationParams };
  'notifications/resources/list_changed': { params?: NotificationParams };
  'notifications/tools/list_changed': { params?: NotificationParams };
  'notifications/prompts/list_changed': { params?: NotificationParams };
  'notifications/elicitation/complete': { params: ElicitationCompleteNotificationParams };
  'notifications/tasks/status': { params: TaskStatusNotificationParams };
  'notifications/subscriptions/acknowledged': { params: SubscriptionAcknowledgedParams };
}

export type ClientRequestMethod = keyof ClientRequestMap;
export type ServerRequestMethod = keyof ServerRequestMap;
export type ClientNotificationMethod = keyof ClientNotificationMap;
export type ServerNotificationMethod = keyof ServerNotificationMap;

/** Requests that may answer `input_required` on the 2026-07-28 wire. */
export type InputRequiredMethod = 'tools/call' | 'prompts/get' | 'resources/read';
