import type {
  CallToolResult,
  CompleteResult,
  GetPromptResult,
  InitializeResult,
  JsonObject,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  ReadResourceResult,
} from '@mcpkit/core';
import type { Context } from './context-types.js';

type MaybePromise<T> = T | Promise<T>;

/** A step around a request: call `next()` to go on, return (or transform) its result. */
export type Hook<R, L = unknown> = (ctx: Context<L>, next: () => Promise<R>) => MaybePromise<R>;

/** Middleware around every request. */
export type MiddlewareFn<L = unknown> = Hook<JsonObject, L>;

/** Middleware for chosen methods; `onRequest` runs for every request, before the method hooks. */
export interface MiddlewareHooks<L = unknown> {
  onRequest?: Hook<JsonObject, L>;
  onInitialize?: Hook<InitializeResult, L>;
  onCallTool?: Hook<CallToolResult, L>;
  onListTools?: Hook<ListToolsResult, L>;
  onReadResource?: Hook<ReadResourceResult, L>;
  onListResources?: Hook<ListResourcesResult, L>;
  onListResourceTemplates?: Hook<ListResourceTemplatesResult, L>;
  onGetPrompt?: Hook<GetPromptResult, L>;
  onListPrompts?: Hook<ListPromptsResult, L>;
  onComplete?: Hook<CompleteResult, L>;
}

/** What `.use()` accepts. */
export type Middleware<L = unknown> = MiddlewareFn<L> | MiddlewareHooks<L>;
