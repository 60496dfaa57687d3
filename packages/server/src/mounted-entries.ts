import type { JsonObject } from '@mcpkit/core';
import type { RequestContext } from './context.js';
import { delegateComplete, delegatePrompt, delegateRead, delegateTool } from './delegate.js';
import type { Prefix } from './prefix.js';
import type { PromptEntry } from './prompts.js';
import type { ResourceEntry, TemplateEntry } from './resources.js';
import type { ServerCore } from './server-core.js';
import type { ToolEntry } from './tools.js';

/** A server whose components another server shows, and how it renames them. */
export interface MountTarget {
  readonly server: ServerCore;
  readonly prefix: Prefix;
}

// Entries made here serve requests through `serve`; their handler is never called.
const unused = (): never => {
  throw new Error('mcpkit: a mounted component is served by its own server');
};

/** The parent's view of a sub-server's tool. */
export function mountedTool({ server, prefix }: MountTarget, inner: ToolEntry): ToolEntry {
  const key = prefix.name(inner.key);
  return {
    key,
    wire: { ...inner.wire, name: key },
    tags: inner.tags,
    enabled: true,
    input: undefined,
    output: undefined,
    wrapOutput: inner.wrapOutput,
    timeoutMs: undefined,
    ...(inner.task ? { task: inner.task } : {}),
    handler: unused,
    serve: (ctx) => delegateTool(ctx, server, inner),
  };
}

/** The parent's view of a sub-server's static resource. */
export function mountedResource(
  { server, prefix }: MountTarget,
  inner: ResourceEntry,
): ResourceEntry {
  const key = prefix.uri(inner.key);
  return {
    key,
    wire: { ...inner.wire, uri: key },
    tags: inner.tags,
    enabled: true,
    handler: unused,
    serve: (ctx) => delegateRead(ctx, server, inner, inner.key, prefix.uri),
  };
}

/** The parent's view of a sub-server's resource template. */
export function mountedTemplate(
  { server, prefix }: MountTarget,
  inner: TemplateEntry,
): TemplateEntry {
  const key = prefix.uri(inner.key);
  const innerList = inner.list;
  return {
    key,
    wire: { ...inner.wire, uriTemplate: key },
    tags: inner.tags,
    enabled: true,
    template: {
      match: (uri) => {
        const own = prefix.innerUri(uri);
        return own === undefined ? null : inner.template.match(own);
      },
    },
    params: undefined,
    list: innerList
      ? async (ctx) => {
          const starting = server.ready();
          if (starting) await starting;
          const parent = ctx as RequestContext;
          const listed = await innerList(parent.derive(server, parent.params));
          return listed.map((r) => ({ ...r, uri: prefix.uri(r.uri) }));
        }
      : undefined,
    complete: undefined,
    handler: unused,
    serve: (ctx, uri) => delegateRead(ctx, server, inner, prefix.innerUri(uri) ?? uri, prefix.uri),
    completeWith: (ctx) =>
      delegateComplete(ctx, server, { ...(ctx.params.ref as JsonObject), uri: inner.key }),
  };
}

/** The parent's view of a sub-server's prompt. */
export function mountedPrompt({ server, prefix }: MountTarget, inner: PromptEntry): PromptEntry {
  const key = prefix.name(inner.key);
  return {
    key,
    wire: { ...inner.wire, name: key },
    tags: inner.tags,
    enabled: true,
    args: undefined,
    properties: inner.properties,
    complete: undefined,
    handler: unused,
    serve: (ctx, args) => delegatePrompt(ctx, server, inner, args),
    completeWith: (ctx) =>
      delegateComplete(ctx, server, { ...(ctx.params.ref as JsonObject), name: inner.key }),
  };
}
