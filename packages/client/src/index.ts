export { CoreClient } from './client.js';
export type {
  CallOptions,
  CallToolOptions,
  ClientOptions,
  CompletionArgument,
  EraMode,
  ListOptions,
  McpClient,
} from './client-types.js';
export { connectClient } from './connect-client.js';
export { applyElicitationDefaults } from './elicitation-defaults.js';
export type { ClientHandlers, Era, HandlerContext, ListKind } from './handlers.js';
export type { ListenFilter, ListenHandle, ListenNotification } from './listen.js';
export {
  ToolCallError,
  type ToolCallFailure,
  type ToolCallResult,
  type ToolCallSuccess,
} from './tool-result.js';
