import {
  ErrorCode,
  type JsonObject,
  LOGGING_LEVELS,
  type LoggingLevel,
  McpError,
  methodNotFound,
  negotiateProtocolVersion,
} from '@mcpkit/core';
import { complete } from './completion.js';
import type { RequestContext } from './context.js';
import { runInteractive } from './input-round.js';
import { runMiddleware } from './middleware.js';
import { paginate } from './pagination.js';
import { findPrompt, renderPrompt } from './prompts.js';
import { listResources, readResource } from './resources.js';
import type { HookName, ServerCore } from './server-core.js';
import { skillMethods } from './skill-methods.js';
import { listen } from './subscriptions.js';
import { taskMethods, withTasksExtension } from './task-methods.js';
import { callTool } from './tools.js';

/** Serves one method; returns the bare result (era decoration happens around it), maybe sync. */
export type MethodHandler = (ctx: RequestContext) => unknown;

const simple =
  (hook: HookName, fn: (ctx: RequestContext) => unknown): MethodHandler =>
  (ctx) =>
    runMiddleware(ctx, hook, () => fn(ctx));

const requireTools = (server: ServerCore, method: string) => {
  if (!server.toolRegistry.inUse()) throw methodNotFound(method);
};
const requireResources = (server: ServerCore, method: string) => {
  if (!server.resourceRegistry.inUse() && !server.templateRegistry.inUse())
    throw methodNotFound(method);
};
const requirePrompts = (server: ServerCore, method: string) => {
  if (!server.promptRegistry.inUse()) throw methodNotFound(method);
};

function page(ctx: RequestContext, key: string, all: readonly unknown[]): JsonObject {
  const { items, nextCursor } = paginate(all, ctx.params.cursor, ctx.server.pageSize);
  return nextCursor === undefined ? { [key]: items } : { [key]: items, nextCursor };
}

const stringParam = (ctx: RequestContext, key: string): string => {
  const value = ctx.params[key];
  if (typeof value !== 'string') {
    throw new McpError(
      ErrorCode.InvalidParams,
      `Invalid params: ${ctx.method} needs a string ${key}`,
    );
  }
  return value;
};

/** Methods both eras serve. */
const shared: Record<string, MethodHandler> = {
  'tools/list': simple('onListTools', (ctx) => {
    requireTools(ctx.server, ctx.method);
    return page(ctx, 'tools', ctx.server.toolRegistry.sharedWires());
  }),
  'tools/call': (ctx) => {
    requireTools(ctx.server, ctx.method);
    return callTool(ctx);
  },
  'resources/list': simple('onListResources', async (ctx) => {
    requireResources(ctx.server, ctx.method);
    return page(ctx, 'resources', await listResources(ctx));
  }),
  'resources/templates/list': simple('onListResourceTemplates', (ctx) => {
    requireResources(ctx.server, ctx.method);
    return page(ctx, 'resourceTemplates', ctx.server.templateRegistry.sharedWires());
  }),
  'resources/read': (ctx) => {
    requireResources(ctx.server, ctx.method);
    const uri = stringParam(ctx, 'uri');
    return runInteractive(ctx, uri, () =>
      runMiddleware(ctx, 'onReadResource', () => readResource(ctx, uri)),
    );
  },
  'prompts/list': simple('onListPrompts', (ctx) => {
    requirePrompts(ctx.server, ctx.method);
    return page(ctx, 'prompts', ctx.server.promptRegistry.sharedWires());
  }),
  'prompts/get': (ctx) => {
    requirePrompts(ctx.server, ctx.method);
    const entry = findPrompt(ctx, ctx.params.name);
    const args = ctx.params.arguments;
    const raw = typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {};
    return runInteractive(ctx, entry.key, () =>
      runMiddleware(ctx, 'onGetPrompt', () => renderPrompt(ctx, entry, raw)),
    );
  },
  'completion/complete': simple('onComplete', (ctx) => {
    const { promptRegistry, templateRegistry } = ctx.server;
    if (!promptRegistry.inUse() && !templateRegistry.inUse()) throw methodNotFound(ctx.method);
    return complete(ctx);
  }),
};

function initialize(ctx: RequestContext): JsonObject {
  const { server, peer, params } = ctx;
  const protocolVersion = negotiateProtocolVersion(params.protocolVersion);
  if (peer) {
    peer.protocolVersion = protocolVersion;
    const info = params.clientInfo;
    if (typeof info === 'object' && info !== null) peer.clientInfo = info as typeof peer.clientInfo;
    const caps = params.capabilities;
    if (typeof caps === 'object' && caps !== null) peer.clientCapabilities = caps as JsonObject;
    peer.initialized = true;
  }
  const result: JsonObject = {
    protocolVersion,
    capabilities: server.capabilities(),
    serverInfo: server.serverInfo,
  };
  if (server.instructions !== undefined) result.instructions = server.instructions;
  return result;
}

const LEVELS = new Set<string>(LOGGING_LEVELS);

/** Methods of the handshake era only (-32601 on the stateless wire). */
export const handshakeMethods: ReadonlyMap<string, MethodHandler> = new Map(
  Object.entries({
    ...shared,
    initialize: simple('onInitialize', initialize),
    ping: simple('', () => ({})),
    'logging/setLevel': simple('', (ctx) => {
      const level = ctx.params.level;
      if (typeof level !== 'string' || !LEVELS.has(level)) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Invalid params: unknown log level ${JSON.stringify(level)}`,
        );
      }
      if (ctx.peer) ctx.peer.logLevel = level as LoggingLevel;
      return {};
    }),
    'resources/subscribe': simple('', (ctx) => {
      requireResources(ctx.server, ctx.method);
      const uri = stringParam(ctx, 'uri');
      const subscriptions = ctx.peer?.subscriptions;
      if (subscriptions && !subscriptions.has(uri)) {
        subscriptions.add(uri);
        ctx.server.watchResource(uri, 1);
      }
      return {};
    }),
    'resources/unsubscribe': simple('', (ctx) => {
      requireResources(ctx.server, ctx.method);
      const uri = stringParam(ctx, 'uri');
      if (ctx.peer?.subscriptions.delete(uri)) ctx.server.watchResource(uri, -1);
      return {};
    }),
    ...skillMethods,
  }),
);

/** Methods of the stateless era. */
export const statelessMethods: ReadonlyMap<string, MethodHandler> = new Map(
  Object.entries({
    ...shared,
    'server/discover': simple('', (ctx) => {
      const { server } = ctx;
      const result: JsonObject = {
        supportedVersions: [...server.protocolVersions],
        capabilities: withTasksExtension(server, server.capabilities()),
      };
      if (server.instructions !== undefined) result.instructions = server.instructions;
      return result;
    }),
    'subscriptions/listen': simple('', listen),
    ...taskMethods,
    ...skillMethods,
  }),
);
