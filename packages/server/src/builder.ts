import type { ServerEndpoint } from '@mcpkit/core';
import type { ArgTransforms, ToolInputOf, WithMounted, WithTransformed } from './compose-types.js';
import type {
  EmptyServerTypes,
  HasServerTypes,
  InferInput,
  InferResult,
  SchemaLike,
  ServerTypes,
  WithPrompt,
  WithResource,
  WithTool,
} from './infer.js';
import type { Middleware } from './middleware-types.js';
import type { MountOptions } from './mount.js';
import type { ComponentRegistry } from './registry.js';
import type { SkillDefinition } from './skill-catalog.js';
import type { ToolTransform } from './tool-transform.js';
import type {
  PromptDefinition,
  PromptHandler,
  ResourceDefinition,
  ResourceHandler,
  ResourceTemplateDefinition,
  ResourceTemplateHandler,
  ToolDefinition,
  ToolHandler,
} from './types.js';

/** Which list a `list_changed` notification is about. */
export type ListKind = 'tools' | 'resources' | 'prompts';

/** Options of `server.listen()`; the rest is passed to the transport package. */
export interface ListenOptions {
  /** default 'stdio' */
  transport?: 'stdio' | 'http' | 'sse';
  host?: string;
  port?: number;
  path?: string;
  [option: string]: unknown;
}

/** A running listener. `url` is set for HTTP and SSE. */
export interface Listening {
  readonly url?: string;
  close(): Promise<void>;
}

/**
 * A server definition: a chained, typed builder that is also a `ServerEndpoint` any transport can
 * serve. Each registration returns the builder with its type extended, so `typeof server` tells a
 * client every tool's input and output.
 */
export interface ServerBuilder<T extends ServerTypes = EmptyServerTypes, L = undefined>
  extends ServerEndpoint {
  /** phantom: the registered components' types, for typed clients; undefined at runtime */
  readonly '~types': T;
  readonly name: string;
  readonly version: string;

  /** Register a tool. `input` and `output` schemas type the handler. */
  tool<
    N extends string,
    I extends SchemaLike | undefined = undefined,
    O extends SchemaLike | undefined = undefined,
  >(
    name: N,
    definition: ToolDefinition<I, O>,
    handler: ToolHandler<I, O, L>,
  ): ServerBuilder<WithTool<T, N, { input: InferInput<I>; output: InferResult<O> }>, L>;

  /** Register a static resource; the handler's return value is its contents. */
  resource<U extends string, R>(
    uri: U,
    definition: ResourceDefinition,
    handler: ResourceHandler<R, L>,
  ): ServerBuilder<WithResource<T, U, Awaited<R>>, L>;

  /** Register a family of resources addressed by an RFC 6570 URI template. */
  resourceTemplate<U extends string, P extends SchemaLike | undefined = undefined, R = unknown>(
    uriTemplate: U,
    definition: ResourceTemplateDefinition<U, P, L>,
    handler: ResourceTemplateHandler<U, P, R, L>,
  ): ServerBuilder<WithResource<T, U, Awaited<R>>, L>;

  /** Register a prompt. */
  prompt<N extends string, A extends SchemaLike | undefined = undefined>(
    name: N,
    definition: PromptDefinition<A, L>,
    handler: PromptHandler<A, L>,
  ): ServerBuilder<WithPrompt<T, N, { args: InferInput<A> }>, L>;

  /**
   * Serve a skill (SEP-2640 skills extension): its SKILL.md and files become `skill://` resources
   * and it is listed by `skills/list`.
   */
  skill(definition: SkillDefinition): ServerBuilder<T, L>;

  /** Add middleware around every request, or hooks around chosen methods. */
  use(middleware: Middleware<L>): ServerBuilder<T, L>;

  /**
   * Mount another server (or a `createProxy()`): a live link. Its tools and prompts show as
   * `prefix_name`, its resources as `scheme://prefix/rest`; later changes to it show at once.
   * Requests run this server's middleware, then the mounted server's, in its context.
   * @example main.mount(weather, { prefix: 'weather' }); // weather_forecast, weather://weather/…
   */
  mount<S extends HasServerTypes & ServerEndpoint, P extends string = ''>(
    server: S,
    options?: MountOptions<P>,
  ): ServerBuilder<WithMounted<T, S, P>, L>;

  /** Copy another server's current components (renamed like a mount); later changes do not show. */
  import<S extends HasServerTypes & ServerEndpoint, P extends string = ''>(
    server: S,
    options?: MountOptions<P>,
  ): ServerBuilder<WithMounted<T, S, P>, L>;

  /**
   * Show a tool derived from another one (own, mounted or proxied): renamed, redescribed, with
   * arguments renamed, defaulted or hidden (with a fixed value), optionally wrapped by `fn`.
   * Without a new `name` the derived tool replaces the original.
   * @example
   * server.transformTool('search', {
   *   name: 'find',
   *   args: { q: { name: 'query' }, apiKey: { hide: true, value: process.env.KEY } },
   *   hideOriginal: true,
   * });
   */
  transformTool<
    O extends (keyof T['tools'] & string) | (string & {}),
    const A extends ArgTransforms = {},
    N extends string = O,
    H extends boolean = false,
  >(
    name: O,
    transform: ToolTransform<N, L> & {
      args?: A & { readonly [K in Exclude<keyof A, keyof ToolInputOf<T, O>>]: never };
      hideOriginal?: H;
    },
  ): ServerBuilder<WithTransformed<T, O, N, A, H>, L>;

  /** The registered tools, to enable, disable or remove at runtime. */
  readonly tools: ComponentRegistry;
  /** The registered static resources, by URI. */
  readonly resources: ComponentRegistry;
  /** The registered resource templates, by URI template. */
  readonly resourceTemplates: ComponentRegistry;
  readonly prompts: ComponentRegistry;

  /** Tell subscribed clients (resources/subscribe, subscriptions/listen) that a resource changed. */
  notifyResourceUpdated(uri: string): void;
  /** Tell connected clients a list changed (sent automatically on add/remove/enable/disable). */
  notifyListChanged(kind: ListKind): void;

  /**
   * Serve this definition: stdio (default), Streamable HTTP or legacy SSE, through the optional
   * `@mcpkit/stdio`, `@mcpkit/http` or `@mcpkit/sse` package.
   */
  listen(options?: ListenOptions): Promise<Listening>;
  /** Close every connection and listen stream, then run the lifespan's `stop()`. */
  close(): Promise<void>;
}
