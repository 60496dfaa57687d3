import {
  type CallToolResult,
  type CompleteResult,
  ErrorCode,
  type GetPromptResult,
  type JsonObject,
  McpError,
} from '@mcpkit/core';
import { complete } from './completion.js';
import type { RequestContext } from './context.js';
import { describeFailure } from './error-mapping.js';
import { isPublicError, ToolError } from './errors.js';
import { InputRequiredSignal } from './input-round.js';
import { runMiddleware } from './middleware.js';
import { type PromptEntry, renderPrompt } from './prompts.js';
import type { ReadOutcome } from './resource-contents.js';
import { type ResourceEntry, readEntry, type TemplateEntry } from './resources.js';
import type { InputRequired } from './results.js';
import type { ServerCore } from './server-core.js';
import { runTool, type ToolEntry } from './tools.js';

/**
 * Serve part of a request on another server (a mounted or imported one): its lifespan started,
 * its middleware around the call, its names in the params. Its `maskErrorDetails` hides its own
 * unexpected errors before the parent sees them; the parent's masking then applies as usual.
 */
async function within<T>(
  ctx: RequestContext,
  sub: ServerCore,
  params: JsonObject,
  name: string | undefined,
  run: (child: RequestContext) => Promise<T>,
): Promise<T> {
  const starting = sub.ready();
  if (starting) await starting;
  try {
    return await run(ctx.derive(sub, params));
  } catch (error) {
    if (
      !sub.maskErrorDetails ||
      error instanceof InputRequiredSignal ||
      error instanceof McpError ||
      isPublicError(error)
    ) {
      throw error;
    }
    const method = ctx.method;
    sub.reportError(error, { method, name, masked: true });
    // Public errors from here on: the parent passes them as they are and reports nothing.
    const text = `Error ${describeFailure(method, name)}`;
    throw method === 'tools/call'
      ? new ToolError(text)
      : new McpError(ErrorCode.InternalError, text);
  }
}

/** tools/call of a mounted tool. */
export function delegateTool(
  ctx: RequestContext,
  sub: ServerCore,
  entry: ToolEntry,
): Promise<CallToolResult | InputRequired> {
  return within(ctx, sub, { ...ctx.params, name: entry.key }, String(ctx.params.name), (c) =>
    runTool(c, entry),
  );
}

/**
 * resources/read of a mounted resource or template, with the mounted server's URI; the contents
 * come back under the parent's URIs (`outward`).
 */
export async function delegateRead(
  ctx: RequestContext,
  sub: ServerCore,
  entry: ResourceEntry | TemplateEntry,
  uri: string,
  outward: (uri: string) => string,
): Promise<ReadOutcome> {
  const outcome = await within(ctx, sub, { ...ctx.params, uri }, ctx.uri, (c) =>
    runMiddleware(c, 'onReadResource', () => readEntry(c, entry, uri)),
  );
  if (!('contents' in outcome) || !Array.isArray(outcome.contents)) return outcome;
  return {
    ...outcome,
    contents: outcome.contents.map((c) => (c.uri ? { ...c, uri: outward(c.uri) } : c)),
  };
}

/** prompts/get of a mounted prompt. */
export function delegatePrompt(
  ctx: RequestContext,
  sub: ServerCore,
  entry: PromptEntry,
  args: Record<string, unknown>,
): Promise<GetPromptResult | InputRequired> {
  return within(ctx, sub, { ...ctx.params, name: entry.key }, String(ctx.params.name), (c) =>
    runMiddleware(c, 'onGetPrompt', () => renderPrompt(c, entry, args)),
  );
}

/** completion/complete for a mounted prompt or template, with the mounted server's ref. */
export function delegateComplete(
  ctx: RequestContext,
  sub: ServerCore,
  ref: JsonObject,
): Promise<CompleteResult> {
  return within(ctx, sub, { ...ctx.params, ref }, undefined, (c) =>
    runMiddleware(c, 'onComplete', () => complete(c)),
  );
}
