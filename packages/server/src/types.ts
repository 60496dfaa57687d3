import type {
  Annotations,
  CacheScope,
  GetPromptResult,
  Icon,
  PromptMessage,
  Resource,
  ToolAnnotations,
} from '@mcpkit/core';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Context } from './context-types.js';
import type { InferParsed, InferResult, SchemaLike, TemplateParams } from './infer.js';
import type { InputRequired, ToolResult } from './results.js';
import type { SkillsOptions } from './skill-methods.js';
import type { TaskSupport, TasksOptions, ToolTaskOptions } from './task-types.js';

type MaybePromise<T> = T | Promise<T>;

/** What to do when a component name (or URI) is registered twice. */
export type DuplicatePolicy = 'error' | 'warn' | 'replace';

/** Fields every component may carry. */
export interface ComponentBase {
  title?: string;
  description?: string;
  icons?: Icon[];
  /** sent as `_meta` on the listed component */
  meta?: Record<string, unknown>;
  /** filtered by the server's `includeTags` / `excludeTags` */
  tags?: readonly string[];
  /** a disabled component is neither listed nor callable (default true) */
  enabled?: boolean;
}

/** How a tool is described. */
export interface ToolDefinition<
  I extends SchemaLike | undefined = undefined,
  O extends SchemaLike | undefined = undefined,
> extends ComponentBase {
  /** arguments schema; without one the tool takes no arguments */
  input?: I;
  /** structured result schema; primitives are wrapped as `{ result }` on the wire */
  output?: O;
  annotations?: ToolAnnotations;
  /** abort the handler's `ctx.signal` and answer with an error after this many ms */
  timeoutMs?: number;
  /**
   * Run calls as tasks (tasks extension, 2026-07-28): a client that declares
   * `io.modelcontextprotocol/tasks` gets a `CreateTaskResult` and polls `tasks/get`; others get a
   * plain result (`'optional'`) or -32021 (`'required'`). Handshake-era calls run as plain calls.
   */
  task?: TaskSupport | ToolTaskOptions;
}

/**
 * What a tool handler may return: with an output schema, a value of it; otherwise a string,
 * number, boolean, object (sent as JSON), content block(s), `Image`/`Audio`/`File`, or `toolResult()`.
 */
export type ToolReturn<O> = O extends StandardSchemaV1
  ? InferResult<O> | ToolResult | InputRequired
  : unknown;

export type ToolHandler<I, O, L> = (
  input: InferParsed<I>,
  ctx: Context<L>,
) => MaybePromise<ToolReturn<O>>;

/** How a static resource is described. */
export interface ResourceDefinition extends ComponentBase {
  /** defaults to the URI */
  name?: string;
  mimeType?: string;
  size?: number;
  annotations?: Annotations;
}

export type ResourceHandler<R, L> = (input: { uri: string }, ctx: Context<L>) => MaybePromise<R>;

/** Completes one argument or template variable from what the user typed so far. */
export type CompleteCallback<L = unknown> = (
  value: string,
  context: { arguments: Record<string, string>; ctx: Context<L> },
) => MaybePromise<string[] | { values: string[]; total?: number; hasMore?: boolean }>;

/** How a resource template is described. The handler finds the URI in `ctx.uri`. */
export interface ResourceTemplateDefinition<U extends string, P extends SchemaLike | undefined, L>
  extends ComponentBase {
  /** defaults to the URI template */
  name?: string;
  mimeType?: string;
  annotations?: Annotations;
  /** parses the template variables (strings) into typed params, e.g. `z.coerce.number()` */
  params?: P;
  /** concrete resources of this template, added to `resources/list` */
  list?: (ctx: Context<L>) => MaybePromise<Resource[]>;
  /** completion for template variables */
  complete?: { [K in keyof TemplateParams<U, undefined> & string]?: CompleteCallback<L> };
}

export type ResourceTemplateHandler<U extends string, P, R, L> = (
  params: TemplateParams<U, P>,
  ctx: Context<L>,
) => MaybePromise<R>;

/** How a prompt is described. */
export interface PromptDefinition<A extends SchemaLike | undefined, L> extends ComponentBase {
  /** arguments schema; non-string arguments arrive as JSON strings and are parsed first */
  args?: A;
  /** completion for arguments (enum arguments complete by themselves) */
  complete?: { [K in keyof InferParsed<A> & string]?: CompleteCallback<L> };
}

/** What a prompt handler may return: text, one message, several, or a full result. */
export type PromptReturn =
  | string
  | PromptMessage
  | readonly (string | PromptMessage)[]
  | GetPromptResult
  | InputRequired;

export type PromptHandler<A, L> = (
  args: InferParsed<A>,
  ctx: Context<L>,
) => MaybePromise<PromptReturn>;

/** Start and stop hooks around the server's life; `start()`'s value is `ctx.lifespan`. */
export interface Lifespan<L> {
  start(): MaybePromise<L>;
  stop?(value: L): MaybePromise<void>;
}

/** What `onError` is told about an unexpected error. */
export interface ErrorInfo {
  /** the request's method, e.g. `tools/call` */
  method: string;
  /** the tool or prompt name, or the resource URI (undefined for other methods) */
  name: string | undefined;
  /** true when `maskErrorDetails` hid the message from the client */
  masked: boolean;
}

/** Options of `createServer()`. */
export interface ServerOptions<L = undefined> {
  name: string;
  version: string;
  title?: string;
  description?: string;
  instructions?: string;
  icons?: Icon[];
  websiteUrl?: string;
  /** items per page of every list method (default: everything on one page) */
  pageSize?: number;
  /** what a second registration under the same name does (default 'error') */
  onDuplicate?: DuplicatePolicy;
  /** only components with at least one of these tags are visible */
  includeTags?: readonly string[];
  /** components with any of these tags are hidden (wins over includeTags) */
  excludeTags?: readonly string[];
  /** send a generic message instead of the text of unexpected errors (the real one goes to `onError`) */
  maskErrorDetails?: boolean;
  /**
   * Called with every unexpected error a handler or middleware throws (not `ToolError`,
   * `ResourceError`, `PromptError` or `McpError`), masked or not. Default: masked ones are written
   * to stderr (`console.error`), the others reach the client and are not logged.
   */
  onError?: (error: unknown, info: ErrorInfo) => void;
  /** HMAC key sealing the stateless era's `requestState`; set it when several processes serve one URL */
  requestStateSecret?: string | Uint8Array;
  /** how long a sealed `requestState` stays valid (default 10 minutes) */
  requestStateTtlMs?: number;
  /** cache hints on list/read results of the stateless era (default `{ ttlMs: 0, cacheScope: 'private' }`) */
  cache?: { ttlMs?: number; cacheScope?: CacheScope };
  /** the tasks extension: where tasks are kept, their TTL and polling interval, who owns them */
  tasks?: TasksOptions;
  /** the skills extension (SEP-2640), declared once a skill is added with `.skill()` */
  skills?: SkillsOptions;
  lifespan?: Lifespan<L>;
}
