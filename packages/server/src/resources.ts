import {
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
import type { SchemaLike } from './infer.js';
import type { Entry } from './registry.js';
import { type ReadOutcome, toReadOutcome } from './resource-contents.js';
import type { CompleteCallback, ResourceDefinition, ResourceTemplateDefinition } from './types.js';

type Handler = (input: unknown, ctx: Context<unknown>) => unknown;

/** A registered static resource. */
export interface ResourceEntry extends Entry {
  readonly wire: Resource;
  readonly handler: Handler;
}

/** A registered resource template. */
export interface TemplateEntry extends Entry {
  readonly wire: ResourceTemplate;
  readonly template: UriTemplate;
  readonly params: SchemaLike | undefined;
  readonly list: ((ctx: Context<unknown>) => Resource[] | Promise<Resource[]>) | undefined;
  readonly complete: Record<string, CompleteCallback<unknown> | undefined> | undefined;
  readonly handler: Handler;
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
  const outer = ctx.uri;
  ctx.uri = uri;
  try {
    return await read(ctx, uri);
  } finally {
    ctx.uri = outer;
  }
}

async function read(ctx: RequestContext, uri: string): Promise<ReadOutcome> {
  const { resourceRegistry, templateRegistry } = ctx.server;
  const entry = resourceRegistry.find(uri);
  if (entry) return toReadOutcome(await entry.handler({ uri }, ctx), uri, entry.wire.mimeType);
  for (const tpl of templateRegistry.list()) {
    const vars = tpl.template.match(uri);
    if (!vars) continue;
    let params: unknown = vars;
    if (tpl.params) {
      const checked = await validate(tpl.params, vars);
      if (!checked.ok) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Invalid URI ${uri} for ${tpl.key}: ${checked.message}`,
          { uri },
        );
      }
      params = checked.value;
    }
    return toReadOutcome(await tpl.handler(params, ctx), uri, tpl.wire.mimeType);
  }
  throw resourceNotFound(ctx, uri);
}

/** Static resources plus what templates' `list` callbacks return. */
export async function listResources(ctx: RequestContext): Promise<Resource[]> {
  const resources = ctx.server.resourceRegistry.wires();
  for (const tpl of ctx.server.templateRegistry.list()) {
    if (tpl.list) resources.push(...(await tpl.list(ctx)));
  }
  return resources;
}
