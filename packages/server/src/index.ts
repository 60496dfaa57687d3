export type {
  Listening,
  ListenOptions,
  ListKind,
  ServerBuilder,
} from './builder.js';
export { type LineSink, logging, timing } from './builtin-middleware.js';
export type {
  ArgTransforms,
  Prefixed,
  PrefixedName,
  PrefixedUri,
  ToolInputOf,
  TransformedInput,
  WithMounted,
  WithTransformed,
} from './compose-types.js';
export {
  assistant,
  type ContentLike,
  embeddedResource,
  resourceLink,
  text,
  user,
} from './content.js';
export type {
  ClientView,
  Context,
  ContextLogger,
  ElicitData,
  ElicitOutcome,
  Era,
  InputKeyOptions,
  RequestParamsView,
  SampleOptions,
  SampleResult,
} from './context-types.js';
export { createServer } from './create-server.js';
export { type ComponentErrorOptions, PromptError, ResourceError, ToolError } from './errors.js';
export type {
  EmptyServerTypes,
  HasServerTypes,
  InferInput,
  InferParsed,
  InferPromptArgs,
  InferPrompts,
  InferResources,
  InferResult,
  InferToolInput,
  InferToolOutput,
  InferTools,
  SchemaLike,
  ServerTypes,
  TemplateVariables,
} from './infer.js';
export { Audio, File, type FileOptions, Image } from './media.js';
export type { Hook, Middleware, MiddlewareFn, MiddlewareHooks } from './middleware-types.js';
export type { MountOptions } from './mount.js';
export { createProxy, type ProxyOptions, type UnknownServer } from './proxy.js';
export type { ProxyForwarding } from './proxy-route.js';
export type {
  BackendCallOptions,
  BackendClient,
  BackendClientOptions,
  BackendFactory,
  BackendHandlers,
  BackendListen,
  HttpBackend,
  McpServersSource,
  ProxyBackend,
  ProxySource,
  StdioBackend,
} from './proxy-source.js';
export type { ComponentHandle, ComponentRegistry } from './registry.js';
export {
  type InputRequired,
  type InputRequiredInit,
  inputRequired,
  type ResourceResult,
  resourceResult,
  type ToolResult,
  type ToolResultInit,
  toolResult,
} from './results.js';
export type {
  DirectoryChild,
  SkillDefinition,
  SkillEntry,
  SkillFileRef,
} from './skill-catalog.js';
export type { Frontmatter } from './skill-frontmatter.js';
export { SKILLS_EXTENSION, type SkillsOptions } from './skill-methods.js';
export {
  type MemoryTaskStore,
  type MemoryTaskStoreOptions,
  memoryTaskStore,
} from './task-store.js';
export {
  type StoredTask,
  TASKS_EXTENSION,
  type TaskStatus,
  type TaskStore,
  type TaskSupport,
  type TasksOptions,
  type ToolTaskOptions,
} from './task-types.js';
export type { ArgTransform, ToolTransform, TransformHelpers } from './tool-transform.js';
export { WRAP_RESULT_KEY } from './tools.js';
export type {
  CompleteCallback,
  ComponentBase,
  DuplicatePolicy,
  ErrorInfo,
  Lifespan,
  PromptDefinition,
  PromptHandler,
  PromptReturn,
  ResourceDefinition,
  ResourceHandler,
  ResourceTemplateDefinition,
  ResourceTemplateHandler,
  ServerOptions,
  ToolDefinition,
  ToolHandler,
  ToolReturn,
} from './types.js';
