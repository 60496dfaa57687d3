import {
  type ClientCapabilities,
  type GetPromptResult,
  type Implementation,
  type InboundRequest,
  type JsonObject,
  LATEST_HANDSHAKE_VERSION,
  LOGGING_LEVELS,
  type LoggingLevel,
  type Prompt,
  type ReadResourceResult,
  type RequestEnvelope,
  type RequestId,
  type Resource,
  type ResourceTemplate,
  type Root,
  type SamplingMessage,
  type Tool,
} from '@mcpkit/core';
import type {
  ClientView,
  Context,
  ContextLogger,
  ElicitData,
  ElicitOutcome,
  Era,
  InputKeyOptions,
  SampleOptions,
  SampleResult,
} from './context-types.js';
import type { SchemaLike } from './infer.js';
import type { InputRound } from './input-round.js';
import { elicitForm, elicitUrl, listRoots, sample } from './interaction.js';
import type { Peer } from './peer.js';
import { getPrompt } from './prompts.js';
import { listResources, readResource } from './resources.js';
import type { ServerCore } from './server-core.js';
import type { TaskControl } from './task-control.js';

const EMPTY: JsonObject = Object.freeze({}) as JsonObject;
const LEVEL_RANK = new Map<string, number>(LOGGING_LEVELS.map((level, i) => [level, i]));

/** Call an optional function a transport put on the request's info (@mcpkit/http's stream controls). */
function callTransport(info: object | undefined, name: string): boolean {
  const fn = (info as Record<string, unknown> | undefined)?.[name];
  if (typeof fn !== 'function') return false;
  (fn as () => void).call(info);
  return true;
}

/** Sends `notifications/message` for its context. One per context, made on first use. */
class Logger implements ContextLogger {
  constructor(private readonly ctx: RequestContext) {}
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    return this.ctx.sendLog(level, data, logger);
  }
  debug(data: unknown, logger?: string) {
    return this.ctx.sendLog('debug', data, logger);
  }
  info(data: unknown, logger?: string) {
    return this.ctx.sendLog('info', data, logger);
  }
  notice(data: unknown, logger?: string) {
    return this.ctx.sendLog('notice', data, logger);
  }
  warning(data: unknown, logger?: string) {
    return this.ctx.sendLog('warning', data, logger);
  }
  error(data: unknown, logger?: string) {
    return this.ctx.sendLog('error', data, logger);
  }
  critical(data: unknown, logger?: string) {
    return this.ctx.sendLog('critical', data, logger);
  }
  alert(data: unknown, logger?: string) {
    return this.ctx.sendLog('alert', data, logger);
  }
  emergency(data: unknown, logger?: string) {
    return this.ctx.sendLog('emergency', data, logger);
  }
}

/**
 * The one object made per request: the handler's `ctx` and middleware's context. Derived views
 * (logger, state map, signal) are made only when asked for.
 */
export class RequestContext implements Context<unknown> {
  readonly method: string;
  readonly params: JsonObject;
  readonly era: Era;
  /** the resource being read, while a resource handler runs */
  uri: string | undefined;
  /** MRTR bookkeeping of tools/call, prompts/get and resources/read */
  round: InputRound | undefined;
  /** a tools/call that runs, or may come to run, as a task (tasks extension) */
  task: TaskControl | undefined;
  private stateMap: Map<string, unknown> | undefined;
  private logger: Logger | undefined;
  private clientView: ClientView | undefined;
  private timeoutController: AbortController | undefined;
  private mergedSignal: AbortSignal | undefined;

  constructor(
    readonly server: ServerCore,
    readonly req: InboundRequest,
    readonly peer: Peer | undefined,
    readonly envelope: RequestEnvelope | undefined,
    /** the context this one was derived from, when a mounted server serves the request */
    private readonly parent?: RequestContext,
    params?: JsonObject,
  ) {
    this.method = req.method;
    this.params = params ?? req.params ?? EMPTY;
    this.era = envelope ? 'stateless' : 'handshake';
  }

  /**
   * The same request as another server sees it (a mounted one): its own params (names without
   * the prefix), lifespan and components; one signal, state map and MRTR round with this context.
   */
  derive(server: ServerCore, params: JsonObject): RequestContext {
    const child = new RequestContext(server, this.req, this.peer, this.envelope, this, params);
    child.round = this.round;
    child.task = this.task;
    child.uri = this.uri;
    return child;
  }

  get requestId(): RequestId {
    return this.req.id;
  }

  get protocolVersion(): string {
    return this.envelope?.protocolVersion ?? this.peer?.protocolVersion ?? LATEST_HANDSHAKE_VERSION;
  }

  get client(): ClientView {
    this.clientView ??= this.envelope
      ? {
          info: this.envelope.clientInfo as Implementation | undefined,
          capabilities: this.envelope.clientCapabilities as ClientCapabilities,
        }
      : { info: this.peer?.clientInfo, capabilities: this.peer?.clientCapabilities ?? {} };
    return this.clientView;
  }

  get sessionId(): string | undefined {
    return this.req.info?.sessionId;
  }

  get headers(): Readonly<Record<string, string>> | undefined {
    return this.req.info?.headers;
  }

  get auth(): unknown {
    return this.req.info?.auth;
  }

  get signal(): AbortSignal {
    // A task outlives its request: its handler watches the task's signal (tasks/cancel, TTL).
    const base = this.task ? this.task.signal : this.parent ? this.parent.signal : this.req.signal;
    if (!this.timeoutController) return base;
    this.mergedSignal ??= AbortSignal.any([base, this.timeoutController.signal]);
    return this.mergedSignal;
  }

  get state(): Map<string, unknown> {
    if (this.parent) return this.parent.state;
    this.stateMap ??= new Map();
    return this.stateMap;
  }

  get lifespan(): unknown {
    return this.server.lifespanValue;
  }

  get log(): ContextLogger {
    this.logger ??= new Logger(this);
    return this.logger;
  }

  get inputResponses(): Readonly<Record<string, unknown>> {
    return this.round?.answers ?? EMPTY;
  }

  get requestState(): string | undefined {
    return this.round?.authorState;
  }

  get taskId(): string | undefined {
    return this.task?.started ? this.task.id : undefined;
  }

  async startTask(): Promise<boolean> {
    if (!this.task) return false;
    await this.task.start();
    return true;
  }

  closeSseStream(): boolean {
    return callTransport(this.req.info, 'closeSseStream');
  }

  closeStandaloneSseStream(): boolean {
    return callTransport(this.req.info, 'closeStandaloneSseStream');
  }

  /** Make `signal` also abort when the returned controller does (tool timeouts). */
  armTimeout(): AbortController {
    this.timeoutController ??= new AbortController();
    this.mergedSignal = undefined;
    return this.timeoutController;
  }

  /** Log to the client if its level lets this one through. */
  sendLog(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    // Tasks carry no log notifications (SEP-2663): the request that could show them has ended.
    if (this.task?.started) return Promise.resolve();
    // A stateless-era replay: an earlier round already sent this one.
    if (this.round?.replayedLog()) return Promise.resolve();
    // Stateless era: only requests that opt in with _meta logLevel get logs at all.
    const threshold = this.envelope ? this.envelope.logLevel : this.peer?.logLevel;
    if (this.envelope && threshold === undefined) return Promise.resolve();
    if (
      threshold !== undefined &&
      (LEVEL_RANK.get(level) ?? 0) < (LEVEL_RANK.get(threshold) ?? 0)
    ) {
      return Promise.resolve();
    }
    const params: JsonObject = logger === undefined ? { level, data } : { level, logger, data };
    return this.req.notify('notifications/message', params).catch(() => {});
  }

  progress(progress: number, total?: number, message?: string): Promise<void> {
    if (this.task?.started) return Promise.resolve();
    if (this.round?.replayedProgress()) return Promise.resolve();
    return this.req.progress(progress, total, message).catch(() => {});
  }

  sample(prompt: string | SamplingMessage[], options?: SampleOptions): Promise<SampleResult> {
    return sample(this, prompt, options);
  }

  elicit<S extends SchemaLike>(
    message: string,
    schema: S,
    options?: InputKeyOptions,
  ): Promise<ElicitOutcome<ElicitData<S>>> {
    return elicitForm(this, message, schema, options) as Promise<ElicitOutcome<ElicitData<S>>>;
  }

  elicitUrl(message: string, url: string, options?: InputKeyOptions) {
    return elicitUrl(this, message, url, options);
  }

  roots(options?: InputKeyOptions): Promise<Root[]> {
    return listRoots(this, options);
  }

  async readResource(uri: string): Promise<ReadResourceResult['contents']> {
    return ((await readResource(this, uri)) as ReadResourceResult).contents;
  }

  getPrompt(name: string, args?: Record<string, string>): Promise<GetPromptResult> {
    return getPrompt(this, name, args ?? {});
  }

  async listTools(): Promise<Tool[]> {
    return this.server.toolRegistry.wires();
  }

  listResources(): Promise<Resource[]> {
    return listResources(this);
  }

  async listResourceTemplates(): Promise<ResourceTemplate[]> {
    return this.server.templateRegistry.wires();
  }

  async listPrompts(): Promise<Prompt[]> {
    return this.server.promptRegistry.wires();
  }
}
