import {
  ENVELOPE_KEYS,
  ErrorCode,
  type InboundRequest,
  type JsonObject,
  McpError,
  methodNotFound,
  REMOVED_IN_STATELESS,
  readEnvelope,
} from '@mcpkit/core';
import { RequestContext } from './context.js';
import { toProtocolError } from './error-mapping.js';
import { handshakeMethods, type MethodHandler, statelessMethods } from './methods.js';
import type { Peer } from './peer.js';
import { isThenable } from './quick-validate.js';
import type { ServerCore } from './server-core.js';

const REMOVED = new Set<string>(REMOVED_IN_STATELESS);
const CACHEABLE = new Set([
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'skills/list',
  'skills/get',
]);

/** The tool or prompt name, or the resource URI, a request is about (for error reports). */
function subject(ctx: RequestContext): string | undefined {
  const value = ctx.method === 'resources/read' ? ctx.params.uri : ctx.params.name;
  return value === undefined ? undefined : String(value);
}

/** Run the handler; a synchronous result costs no promise beyond the one returned. */
function run(ctx: RequestContext, handler: MethodHandler): Promise<JsonObject> {
  const failed = (error: unknown): never => {
    throw toProtocolError(ctx.server, error, ctx.method, subject(ctx));
  };
  try {
    // Proxies list their backends first; plain servers return undefined and wait for nothing.
    const preparing = ctx.method === 'ping' ? undefined : ctx.server.prepare();
    const result = preparing ? preparing.then(() => handler(ctx)) : handler(ctx);
    return (
      isThenable(result) ? Promise.resolve(result).then(undefined, failed) : Promise.resolve(result)
    ) as Promise<JsonObject>;
  } catch (error) {
    return Promise.reject(toProtocolError(ctx.server, error, ctx.method, subject(ctx)));
  }
}

/**
 * A stateless-era request (2026-07-28): envelope checked first (-32602 / -32022), then the method
 * (-32601 for unknown and removed ones); every result gets `resultType`, serverInfo `_meta` (the
 * full Implementation on `server/discover`) and, where cacheable, `ttlMs` / `cacheScope`.
 */
export async function serveStateless(
  server: ServerCore,
  req: InboundRequest,
  peer: Peer | undefined,
): Promise<JsonObject> {
  const envelope = readEnvelope(req.params, server.protocolVersions);
  const handler = REMOVED.has(req.method) ? undefined : statelessMethods.get(req.method);
  if (!handler) throw methodNotFound(req.method);
  const result = await run(new RequestContext(server, req, peer, envelope), handler);
  if (result.resultType === undefined) result.resultType = 'complete';
  if (result.resultType === 'complete' && CACHEABLE.has(req.method)) {
    result.ttlMs ??= server.cacheHints.ttlMs;
    result.cacheScope ??= server.cacheHints.cacheScope;
  }
  const meta = result._meta as JsonObject | undefined;
  // Discovery carries the whole Implementation (title, description, icons, websiteUrl);
  // every other result the lean { name, version }.
  const info = req.method === 'server/discover' ? server.serverInfo : server.serverInfoMeta;
  result._meta = { ...meta, [ENVELOPE_KEYS.serverInfo]: info };
  return result;
}

/**
 * A handshake-era request. On a connection (`peer`) everything but initialize and ping waits for
 * initialize; without one (stateless HTTP serving of old clients) each request stands alone.
 */
export function serveHandshake(
  server: ServerCore,
  req: InboundRequest,
  peer: Peer | undefined,
): Promise<JsonObject> {
  const handler = handshakeMethods.get(req.method);
  if (!handler) throw methodNotFound(req.method);
  if (peer && !peer.initialized && req.method !== 'initialize' && req.method !== 'ping') {
    throw new McpError(
      ErrorCode.InvalidRequest,
      `Invalid Request: send initialize before ${req.method}`,
    );
  }
  return run(new RequestContext(server, req, peer, undefined), handler);
}
