import {
  type CallToolResult,
  type CompleteResult,
  compileUriTemplate,
  type GetPromptResult,
  type JsonObject,
  type Prompt,
  type Resource,
  type ResourceTemplate,
  type Tool,
  type UriTemplate,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { PromptEntry } from './prompts.js';
import type { BackendPool } from './proxy-backend.js';
import { forward } from './proxy-forward.js';
import type { ReadOutcome } from './resource-contents.js';
import type { ResourceEntry, TemplateEntry } from './resources.js';
import type { ToolEntry } from './tools.js';

const unused = (): never => {
  throw new Error('mcpkit: a proxied component is served by its backend');
};

const NEVER: Pick<UriTemplate, 'match'> = { match: () => null };

/** A backend's tool, called through the backend. */
export function proxiedTool(pool: BackendPool, tool: Tool): ToolEntry {
  return {
    key: tool.name,
    wire: tool,
    tags: undefined,
    enabled: true,
    input: undefined,
    output: undefined,
    wrapOutput: false,
    timeoutMs: undefined,
    handler: unused,
    serve: async (ctx) => {
      const args = (ctx.params.arguments ?? {}) as JsonObject;
      const params = { name: tool.name, arguments: args };
      return (await forward(pool, ctx, 'tools/call', params)) as unknown as CallToolResult;
    },
  };
}

const read = async (pool: BackendPool, ctx: RequestContext, uri: string) =>
  (await forward(pool, ctx, 'resources/read', { uri })) as unknown as ReadOutcome;

/** completion/complete as received (the ref already names the backend's prompt or template). */
const completion = async (pool: BackendPool, ctx: RequestContext) => {
  const { ref, argument, context } = ctx.params;
  const params: JsonObject = { ref: ref as JsonObject, argument: argument as JsonObject };
  if (context !== undefined) params.context = context as JsonObject;
  return (await forward(pool, ctx, 'completion/complete', params)) as unknown as CompleteResult;
};

/** A backend's static resource, read through the backend. */
export function proxiedResource(pool: BackendPool, resource: Resource): ResourceEntry {
  return {
    key: resource.uri,
    wire: resource,
    tags: undefined,
    enabled: true,
    handler: unused,
    serve: (ctx, uri) => read(pool, ctx, uri),
  };
}

/** A backend's resource template: matched here, read and completed through the backend. */
export function proxiedTemplate(pool: BackendPool, template: ResourceTemplate): TemplateEntry {
  let compiled: Pick<UriTemplate, 'match'> = NEVER;
  try {
    compiled = compileUriTemplate(template.uriTemplate);
  } catch {
    console.warn(`mcpkit: proxy cannot match the backend's template ${template.uriTemplate}`);
  }
  return {
    key: template.uriTemplate,
    wire: template,
    tags: undefined,
    enabled: true,
    template: compiled,
    params: undefined,
    list: undefined,
    complete: undefined,
    handler: unused,
    serve: (ctx, uri) => read(pool, ctx, uri),
    completeWith: (ctx) => completion(pool, ctx),
  };
}

/** A backend's prompt, rendered by the backend. */
export function proxiedPrompt(pool: BackendPool, prompt: Prompt): PromptEntry {
  return {
    key: prompt.name,
    wire: prompt,
    tags: undefined,
    enabled: true,
    args: undefined,
    properties: {},
    complete: undefined,
    handler: unused,
    serve: async (ctx, args) => {
      const params: JsonObject = { name: prompt.name, arguments: args as JsonObject };
      return (await forward(pool, ctx, 'prompts/get', params)) as unknown as GetPromptResult;
    },
    completeWith: (ctx) => completion(pool, ctx),
  };
}
