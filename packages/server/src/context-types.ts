import type {
  ClientCapabilities,
  CreateMessageResult,
  GetPromptResult,
  Implementation,
  JsonObject,
  LoggingLevel,
  ModelPreferences,
  Prompt,
  ReadResourceResult,
  RequestId,
  RequestMeta,
  Resource,
  ResourceTemplate,
  Root,
  SamplingMessage,
  Tool,
  ToolChoice,
} from '@mcpkit/core';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { SchemaLike } from './infer.js';

/** A request's params as a handler sees them. */
export type RequestParamsView = Readonly<{ _meta?: RequestMeta; [key: string]: unknown }>;

/** Which protocol era a request belongs to. */
export type Era = 'handshake' | 'stateless';

/** Logs sent to the client as `notifications/message`, gated by the client's level. */
export interface ContextLogger {
  debug(data: unknown, logger?: string): Promise<void>;
  info(data: unknown, logger?: string): Promise<void>;
  notice(data: unknown, logger?: string): Promise<void>;
  warning(data: unknown, logger?: string): Promise<void>;
  error(data: unknown, logger?: string): Promise<void>;
  critical(data: unknown, logger?: string): Promise<void>;
  alert(data: unknown, logger?: string): Promise<void>;
  emergency(data: unknown, logger?: string): Promise<void>;
  /** log at any level */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void>;
}

/** The client as this request sees it. */
export interface ClientView {
  /** `clientInfo` from initialize (handshake era) or from the request's `_meta` (stateless era) */
  readonly info: Implementation | undefined;
  readonly capabilities: ClientCapabilities;
}

/** Options for one input request of the stateless era (ignored in the handshake era). */
export interface InputKeyOptions {
  /** the key of the input request (default: `elicit_0`, `sample_1`, … in call order) */
  key?: string;
}

/** Options of `ctx.sample()`. */
export interface SampleOptions extends InputKeyOptions {
  systemPrompt?: string;
  /** default 1024 */
  maxTokens?: number;
  temperature?: number;
  stopSequences?: string[];
  modelPreferences?: ModelPreferences;
  metadata?: JsonObject;
  tools?: Tool[];
  toolChoice?: ToolChoice;
}

/** The client's sampled message, plus its text for convenience. */
export type SampleResult = CreateMessageResult & {
  /** the text blocks of `content`, joined */
  text: string;
};

/** The user's answer to an elicitation. */
export type ElicitOutcome<T> =
  | { action: 'accept'; data: T }
  | { action: 'decline' }
  | { action: 'cancel' };

/** What an accepted form yields: the schema's output (scalars unwrapped), or a flat record. */
export type ElicitData<S> = S extends StandardSchemaV1
  ? StandardSchemaV1.InferOutput<S>
  : Record<string, string | number | boolean | string[]>;

/**
 * The context a handler receives as its second argument (and middleware as its first).
 * One object per request; works the same in both protocol eras.
 */
export interface Context<L = unknown> {
  /** the JSON-RPC method being served */
  readonly method: string;
  /** the request's params as received */
  readonly params: RequestParamsView;
  readonly requestId: RequestId;
  readonly era: Era;
  readonly protocolVersion: string;
  readonly client: ClientView;
  /** the URI being read, inside resource and resource-template handlers */
  readonly uri: string | undefined;
  /** the transport's session id, when it has one */
  readonly sessionId: string | undefined;
  /** HTTP request headers (lower-cased names), when the request came over HTTP */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** authentication facts a transport or middleware attached */
  readonly auth: unknown;
  /** aborted when the client cancels, the connection closes or the tool times out */
  readonly signal: AbortSignal;
  /** request-scoped values shared between middleware and the handler */
  readonly state: Map<string, unknown>;
  /** the value the server's lifespan `start()` returned */
  readonly lifespan: L;
  readonly log: ContextLogger;
  /**
   * End the HTTP response stream carrying this request now, before the result (SSE polling,
   * SEP-1699): the client reconnects with GET + `Last-Event-ID` and receives the rest there.
   * Only handshake-era Streamable HTTP sessions can do it (use an event store, or later
   * messages are lost); elsewhere a no-op. True when the transport was asked to close it.
   */
  closeSseStream(): boolean;
  /** End the session's standalone GET stream (the client reconnects); false where there is none. */
  closeStandaloneSseStream(): boolean;
  /** report progress, when the client asked for it (a no-op otherwise) */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** ask the client's LLM for a completion */
  sample(prompt: string | SamplingMessage[], options?: SampleOptions): Promise<SampleResult>;
  /**
   * Ask the user to fill in a form. An object schema is the form; any other schema is asked as a
   * single field named `value` and unwrapped.
   */
  elicit<S extends SchemaLike>(
    message: string,
    schema: S,
    options?: InputKeyOptions,
  ): Promise<ElicitOutcome<ElicitData<S>>>;
  /** Send the user to a URL (OAuth, payment, …); `accept` means the user agreed to open it. */
  elicitUrl(
    message: string,
    url: string,
    options?: InputKeyOptions,
  ): Promise<{ action: 'accept' | 'decline' | 'cancel' }>;
  /** the client's roots */
  roots(options?: InputKeyOptions): Promise<Root[]>;
  /** read one of this server's resources (visible ones only) */
  readResource(uri: string): Promise<ReadResourceResult['contents']>;
  /** render one of this server's prompts */
  getPrompt(name: string, args?: Record<string, string>): Promise<GetPromptResult>;
  listTools(): Promise<Tool[]>;
  listResources(): Promise<Resource[]>;
  listResourceTemplates(): Promise<ResourceTemplate[]>;
  listPrompts(): Promise<Prompt[]>;
  /** stateless era: the answers to input requests gathered so far, by key */
  readonly inputResponses: Readonly<Record<string, unknown>>;
  /** stateless era: the `requestState` your handler returned in the previous round, verified */
  readonly requestState: string | undefined;
  /** the task this call runs as (tasks extension), once it is one */
  readonly taskId: string | undefined;
  /**
   * Turn this tools/call into a task now (tools registered with `task: { start: 'handler' }`,
   * e.g. after MRTR input): the client gets the `CreateTaskResult`, the handler goes on in the
   * background. Resolves true when the call is a task, false when it runs as a plain call (the
   * client did not declare the extension, or the tool has no task support).
   */
  startTask(): Promise<boolean>;
}
