export { createDispatcher, type DispatchTable } from './dispatch.js';
export {
  claimsStatelessEra,
  ENVELOPE_KEYS,
  envelopeMeta,
  hasCapability,
  type RequestEnvelope,
  readEnvelope,
} from './envelope.js';
export {
  CancelledError,
  ConnectionClosedError,
  ErrorCode,
  type JsonRpcErrorObject,
  McpError,
  TimeoutError,
  toErrorObject,
} from './errors.js';
export { decodeHeaderValue, encodeHeaderValue } from './header-value.js';
export {
  type DecodeResult,
  decodeMessage,
  errorResponse,
  isErrorResponse,
  isNotification,
  isRequest,
  isResponse,
  type JsonObject,
  type JsonRpcErrorResponse,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type JsonRpcSuccess,
  parseMessage,
  type RequestId,
  serializeMessage,
  successResponse,
} from './jsonrpc.js';
export { createMemoryTransportPair, type MemoryTransportOptions } from './memory-transport.js';
export {
  HANDSHAKE_PROTOCOL_VERSIONS,
  isStatelessVersion,
  LATEST_HANDSHAKE_VERSION,
  negotiateProtocolVersion,
  STATELESS_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
  versionFeatures,
} from './protocol-version.js';
export { InboundRequest, type OutboundRequestOptions, type Progress } from './request-context.js';
export {
  isStandardJsonSchema,
  isStandardSchema,
  type JsonSchema,
  type SchemaInput,
  type SchemaIo,
  type SchemaIssue,
  type ToJsonSchemaOptions,
  toJsonSchema,
  toObjectJsonSchema,
  type ValidationResult,
  validate,
  validateSync,
} from './schema.js';
export {
  isServerEndpoint,
  type RequestEnv,
  type ServerConnection,
  type ServerEndpoint,
} from './server-endpoint.js';
export {
  createSession,
  methodNotFound,
  type NotificationHandler,
  type RequestHandler,
  type Session,
  type SessionOptions,
} from './session.js';
// The protocol's types, both eras.
export type {
  Annotations,
  BaseMetadata,
  Cursor,
  EmptyResult,
  Icon,
  Implementation,
  JSONArray,
  JSONObject,
  JSONValue,
  LoggingLevel,
  Meta,
  NotificationMeta,
  NotificationParams,
  PaginatedParams,
  PaginatedResult,
  ProgressToken,
  RelatedTaskMeta,
  RequestMeta,
  RequestParams,
  Result,
  ResultMeta,
  Role,
} from './spec/base.js';
export { LOGGING_LEVELS } from './spec/base.js';
export type {
  ClientCapabilities,
  ClientTasksCapability,
  ServerCapabilities,
  ServerTasksCapability,
} from './spec/capabilities.js';
export type {
  CompleteParams,
  CompleteResult,
  PromptReference,
  ResourceTemplateReference,
} from './spec/completion.js';
export type {
  AudioContent,
  BlobResourceContents,
  ContentBlock,
  EmbeddedResource,
  ImageContent,
  ResourceContents,
  ResourceLink,
  TextContent,
  TextResourceContents,
} from './spec/content.js';
export type {
  BooleanSchema,
  ElicitAction,
  ElicitationSchema,
  ElicitRequestFormParams,
  ElicitRequestParams,
  ElicitRequestURLParams,
  ElicitResult,
  ElicitValue,
  EnumOption,
  EnumSchema,
  LegacyTitledEnumSchema,
  MultiSelectEnumSchema,
  NumberSchema,
  PrimitiveSchemaDefinition,
  SingleSelectEnumSchema,
  StringSchema,
  TitledMultiSelectEnumSchema,
  TitledSingleSelectEnumSchema,
  UntitledMultiSelectEnumSchema,
  UntitledSingleSelectEnumSchema,
} from './spec/elicitation.js';
export type { InitializeParams, InitializeResult, ProtocolVersion } from './spec/initialize.js';
export type { LoggingMessageNotificationParams, SetLevelParams } from './spec/logging.js';
export type {
  ClientNotificationMap,
  ClientNotificationMethod,
  ClientRequestMap,
  ClientRequestMethod,
  InputRequiredMethod,
  MethodName,
  ServerNotificationMap,
  ServerNotificationMethod,
  ServerRequestMap,
  ServerRequestMethod,
} from './spec/methods.js';
export { METHODS, REMOVED_IN_STATELESS } from './spec/methods.js';
export type {
  CancelledNotificationParams,
  ElicitationCompleteNotificationParams,
  InitializedNotificationParams,
  ListChangedNotificationParams,
  ProgressNotificationParams,
  ResourceUpdatedNotificationParams,
} from './spec/notifications.js';
export type {
  GetPromptParams,
  GetPromptResult,
  ListPromptsResult,
  Prompt,
  PromptArgument,
  PromptMessage,
} from './spec/prompts.js';
export type {
  ListResourcesResult,
  ListResourceTemplatesResult,
  ReadResourceParams,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  SubscribeParams,
  UnsubscribeParams,
} from './spec/resources.js';
export type { ListRootsResult, Root } from './spec/roots.js';
export type {
  CreateMessageParams,
  CreateMessageResult,
  IncludeContext,
  ModelHint,
  ModelPreferences,
  SamplingContent,
  SamplingMessage,
  StopReason,
  ToolChoice,
  ToolResultContent,
  ToolUseContent,
} from './spec/sampling.js';
export type {
  CacheableResult,
  CacheHints,
  CacheScope,
  DiscoverParams,
  DiscoverResult,
  ElicitInputRequest,
  InputRequest,
  InputRequests,
  InputRequiredResult,
  InputResponse,
  InputResponseParams,
  InputResponses,
  ResultType,
  RootsInputRequest,
  SamplingInputRequest,
  SubscriptionAcknowledgedParams,
  SubscriptionFilter,
  SubscriptionsListenParams,
  SubscriptionsListenResult,
} from './spec/stateless.js';
export { META_KEYS } from './spec/stateless.js';
export type {
  CancelTaskResult,
  CreateTaskResult,
  GetTaskPayloadResult,
  GetTaskResult,
  ListTasksResult,
  Task,
  TaskAugmentedParams,
  TaskIdParams,
  TaskMetadata,
  TaskStatus,
  TaskStatusNotificationParams,
} from './spec/tasks.js';
export type {
  CallToolParams,
  CallToolResult,
  JSONSchema,
  ListToolsResult,
  Tool,
  ToolAnnotations,
  ToolExecution,
  ToolInputSchema,
  ToolOutputSchema,
} from './spec/tools.js';
export type { MessageInfo, SendInfo, Transport, TransportSink } from './transport.js';
export {
  compileUriTemplate,
  type UriTemplate,
  type UriTemplateMatch,
  type UriTemplateValue,
  type UriTemplateVariables,
} from './uri-template.js';
