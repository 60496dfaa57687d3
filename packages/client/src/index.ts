export { CoreClient } from './client.js';
export type {
  CallOptions,
  CallToolOptions,
  ClientOptions,
  CompletionArgument,
  EraMode,
  ListOptions,
  McpClient,
  ToolFunctionMap,
} from './client-types.js';
export { splitCommandLine } from './command-line.js';
export { connectClient } from './connect-client.js';
export type { CreateClientOptions } from './connect-source.js';
export { createClient } from './create-client.js';
export { applyElicitationDefaults } from './elicitation-defaults.js';
export type { ClientHandlers, Era, HandlerContext, ListKind } from './handlers.js';
export type { ListenFilter, ListenHandle, ListenNotification } from './listen.js';
export { MultiClient, type MultiClientOptions } from './multi-client.js';
export type {
  HttpServerConfig,
  McpServersConfig,
  ServerSource,
  StdioServerConfig,
} from './source.js';
export {
  ToolCallError,
  type ToolCallFailure,
  type ToolCallResult,
  type ToolCallSuccess,
} from './tool-result.js';
export type {
  Client,
  PromptArgs,
  PromptName,
  ResourceUri,
  ServerTypeRecord,
  ToolFunctions,
  ToolInput,
  ToolName,
  ToolOutput,
  TypedServer,
  UntypedServer,
} from './typed.js';
