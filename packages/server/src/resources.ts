import {
  type CompleteResult,
  compileUriTemplate,
  ErrorCode,
  McpError,
  type Resource,
  type ResourceTemplate,
  type UriTemplate,
  validate,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { Context } from './context-types.js';
import type { Entry } from './entry-source.js';
import type { SchemaLike } from './infer.js';
import { type ReadOutcome, toReadOutcome } from './resource-contents.js';
import type { CompleteCallback, ResourceDefinition, ResourceTemplateDefinition } from './types.js';

type Handler = (input: unknown, ctx: Context<unknown>) => unknown;

/** Serves a read itself (mounted, proxied resources): `handler` is not used. */
export type ServeRead = (ctx: RequestContext, uri: string) => Promise<ReadOutcome>;

/** A registered static resource. */
export interface ResourceEntry extends Entry {
  readonly wire: Resource;
  readonly handler: Handler;
  readonly serve?: ServeRead;
}

/** A registered resource template. */
export interface TemplateEntry extends Entry {
  readonly wire: ResourceTemplate;
  readonly template: Pick<UriTemplate, 'match'>;
  readonly params: SchemaLike | undefined;
  readonly list: ((ctx: Context<unknown>) => Resource[] | Promise<Resource[]>) | undefined;
  readonly complete: Record<string, CompleteCallback<unknown> | undefined> | undefined;
  readonly handler: Handler;
  readonly serve?: ServeRead;
  /** answers completion/complete itself (mounted, proxied templates) */
  readonly completeWith?: (ctx: RequestContext) => Promise<CompleteResult>;
}

type Described = {
  title?: string;
  description?: string;
  mimeType?: string;
  annotations?: Resource['annotations'];
  icons?: Resource['icons'];
  meta?: Record<string, unknown>;
};

function describe<W extends Resource | ResourceTemplate>(wire: W, def: Described): W {
  if (def.title !== undefined) wire.title = def.title;
  if (def.description !== undefined) wire.description = def.description;
  if (def.mimeType !== undefined) wire.mimeType = def.mimeType;
  if (def.annotations) wire.annotations = def.annotations;
  if (def.icons) wire.icons = def.icons;
  if (def.meta) wire._meta = def.meta;
  return wire;
}

export function createResourceEntry(
  uri: string,
  def: ResourceDefinition,
  handler: Handler,
): ResourceEntry {
  const wire = describe<Resource>({ uri, name: def.name ?? uri }, def);
  if (def.size !== undefined) wire.size = def.size;
  return { key: uri, wire, tags: def.tags, enabled: def.enabled ?? true, handler };
}

export function createTemplateEntry(
  uriTemplate: string,
  def: ResourceTemplateDefinition<string, SchemaLike | undefined, unknown>,
  handler: Handler,
): TemplateEntry {
  const wire = describe<ResourceTemplate>({ uriTemplate, name: def.name ?? uriTemplate }, def);
  return {
    key: uriTemplate,
    wire,
    tags: def.tags,
    enabled: def.enabled ?? true,
    template: compileUriTemplate(uriTemplate),
    params: def.params,
    list: def.list,
    complete: def.complete as TemplateEntry['complete'],
    handler,
  };
}

/** The not-found error of the request's era: -32002 (handshake) or -32602 (stateless). */
export function resourceNotFound(ctx: RequestContext, uri: string): McpError {
  const code = ctx.era === 'stateless' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound;
  return new McpError(code, `Resource not found: ${uri}`, { uri });
}

/** Read a visible resource: static ones first, then the first template that matches. */
export async function readResource(ctx: RequestContext, uri: string): Promise<ReadOutcome> {
  const { resourceRegistry, templateRegistry } = ctx.server;
  const entry = resourceRegistry.find(uri);
  if (entry) return readEntry(ctx, entry, uri);
  for (const tpl of templateRegistry.list()) {
    const vars = tpl.template.match(uri);
    if (vars) return readEntry(ctx, tpl, uri, vars);
  }
  throw resourceNotFound(ctx, uri);
}

/** Read `uri` from a found resource, or from a template whose match gave `vars`. */
export async function readEntry(
  ctx: RequestContext,
  entry: ResourceEntry | TemplateEntry,
  uri: string,
  vars?: Record<string, unknown>,
): Promise<ReadOutcome> {
  const outer = ctx.uri;
  ctx.uri = uri;
  try {
    if (entry.serve) return await entry.serve(ctx, uri);
    if (!('template' in entry)) {
      return toReadOutcome(await entry.handler({ uri }, ctx), uri, entry.wire.mimeType);
    }
    let params: unknown = vars ?? entry.template.match(uri);
    if (entry.params) {
      const checked = await validate(entry.params, params);
      if (!checked.ok) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Invalid URI ${uri} for ${entry.key}: ${checked.message}`,
          { uri },
        );
      }
      params = checked.value;
    }
    return toReadOutcome(await entry.handler(params, ctx), uri, entry.wire.mimeType);
  } finally {
    ctx.uri = outer;
  }
}

/** Static resources plus what templates' `list` callbacks return. */
export async function listResources(ctx: RequestContext): Promise<Resource[]> {
  const resources = ctx.server.resourceRegistry.wires();
  for (const tpl of ctx.server.templateRegistry.list()) {
    if (tpl.list) resources.push(...(await tpl.list(ctx)));
  }
  return resources;
}
