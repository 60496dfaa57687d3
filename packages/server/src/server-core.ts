import type { CacheScope, Implementation, ServerCapabilities } from '@mcpkit/core';
import type { Hook } from './middleware-types.js';
import type { Notifier } from './notifier.js';
import type { PromptEntry } from './prompts.js';
import type { Registry } from './registry.js';
import type { RequestStateCodec } from './request-state.js';
import type { ResourceEntry, TemplateEntry } from './resources.js';
import type { SkillCatalog } from './skill-catalog.js';
import type { SkillsOptions } from './skill-methods.js';
import type { TaskManager } from './task-manager.js';
import type { ToolEntry } from './tools.js';
import type { ErrorInfo } from './types.js';

/** Names of the per-method middleware hooks, plus '' for requests without one. */
export type HookName =
  | ''
  | 'onInitialize'
  | 'onCallTool'
  | 'onListTools'
  | 'onReadResource'
  | 'onListResources'
  | 'onListResourceTemplates'
  | 'onGetPrompt'
  | 'onListPrompts'
  | 'onComplete';

/** What the feature modules need from a server definition (implemented by createServer's class). */
export interface ServerCore {
  readonly serverInfo: Implementation;
  /** `{ name, version }` for the stateless era's result `_meta` */
  readonly serverInfoMeta: { name: string; version: string };
  readonly instructions: string | undefined;
  readonly pageSize: number | undefined;
  readonly maskErrorDetails: boolean;
  readonly cacheHints: { ttlMs: number; cacheScope: CacheScope };
  readonly protocolVersions: readonly string[];
  readonly toolRegistry: Registry<ToolEntry>;
  readonly resourceRegistry: Registry<ResourceEntry>;
  readonly templateRegistry: Registry<TemplateEntry>;
  readonly promptRegistry: Registry<PromptEntry>;
  readonly stateCodec: RequestStateCodec;
  readonly notifier: Notifier;
  /** the tasks extension's tasks (created by tools/call, read by tasks/*) */
  readonly tasks: TaskManager;
  /** the skills extension's skills (SEP-2640) */
  readonly skillCatalog: SkillCatalog;
  readonly skillsOptions: Required<SkillsOptions>;
  /** aborted by `server.close()`: ends listen streams */
  readonly closing: AbortSignal;
  /** the lifespan value once started */
  readonly lifespanValue: unknown;
  /** the middleware for a hook, in order (`onRequest` and plain functions first) */
  middleware(hook: HookName): readonly Hook<unknown>[];
  capabilities(): ServerCapabilities;
  /** starts the lifespan (and mounted servers') once; undefined when already started */
  ready(): Promise<void> | undefined;
  /** brings component tables up to date (proxies list their backend); undefined when they are */
  prepare(): Promise<void> | undefined;
  /** a client started (+1) or stopped (-1) watching a resource: proxies subscribe upstream */
  watchResource(uri: string, delta: 1 | -1): void;
  /** whether a resource or template of this server (mounted ones included) answers `uri` */
  hasResource(uri: string): boolean;
  /** an unexpected handler error (masked or not) for the `onError` option */
  reportError(error: unknown, info: ErrorInfo): void;
  close(): Promise<void>;
}
