import { ENVELOPE_KEYS, ErrorCode, type JsonObject, McpError } from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { Listener, ListenFilter } from './notifier.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The part of the requested filter this server can honour. */
function honour(
  ctx: RequestContext,
  asked: Record<string, unknown>,
): { wire: JsonObject; filter: ListenFilter } {
  const { toolRegistry, promptRegistry, resourceRegistry, templateRegistry } = ctx.server;
  const hasResources = resourceRegistry.inUse() || templateRegistry.inUse();
  const filter: ListenFilter = {
    tools: asked.toolsListChanged === true && toolRegistry.inUse(),
    prompts: asked.promptsListChanged === true && promptRegistry.inUse(),
    resources: asked.resourcesListChanged === true && hasResources,
    uris: new Set(
      hasResources && Array.isArray(asked.resourceSubscriptions)
        ? asked.resourceSubscriptions.filter((u): u is string => typeof u === 'string')
        : [],
    ),
  };
  const wire: JsonObject = {};
  if (filter.tools) wire.toolsListChanged = true;
  if (filter.prompts) wire.promptsListChanged = true;
  if (filter.resources) wire.resourcesListChanged = true;
  if (filter.uris.size > 0) wire.resourceSubscriptions = [...filter.uris];
  return { wire, filter };
}

/**
 * subscriptions/listen: acknowledge the honoured filter, then forward matching notifications,
 * each tagged with the listen request's id, until the request's channel closes or the server does.
 */
export async function listen(ctx: RequestContext): Promise<JsonObject> {
  const asked = ctx.params.notifications;
  if (!isObject(asked)) {
    throw new McpError(
      ErrorCode.InvalidParams,
      'Invalid params: subscriptions/listen needs a notifications filter',
    );
  }
  const { wire, filter } = honour(ctx, asked);
  const meta = { [ENVELOPE_KEYS.subscriptionId]: ctx.requestId };
  const req = ctx.req;
  const listener: Listener = {
    filter,
    send(method, params) {
      req.notify(method, { ...params, _meta: meta }).catch(() => {});
    },
  };
  const signal = ctx.signal;
  const closing = ctx.server.closing;
  await req.notify('notifications/subscriptions/acknowledged', {
    notifications: wire,
    _meta: meta,
  });
  if (!signal.aborted && !closing.aborted) {
    ctx.server.notifier.addListener(listener);
    for (const uri of filter.uris) ctx.server.watchResource(uri, 1);
    await new Promise<void>((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        closing.removeEventListener('abort', done);
        resolve();
      };
      signal.addEventListener('abort', done, { once: true });
      closing.addEventListener('abort', done, { once: true });
    });
    ctx.server.notifier.removeListener(listener);
    for (const uri of filter.uris) ctx.server.watchResource(uri, -1);
  }
  return { _meta: { ...meta } };
}
