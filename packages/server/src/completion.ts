import { type CompleteResult, ErrorCode, type JsonSchema, McpError } from '@mcpkit/core';
import type { RequestContext } from './context.js';
import { findPrompt } from './prompts.js';
import type { CompleteCallback } from './types.js';

const MAX_VALUES = 100;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** String enum values of a schema property (zod `z.enum` and friends), for automatic completion. */
function enumValues(prop: JsonSchema | undefined): string[] | undefined {
  if (!prop) return undefined;
  if (Array.isArray(prop.enum)) return prop.enum.filter((v): v is string => typeof v === 'string');
  if (Array.isArray(prop.oneOf)) {
    const values = prop.oneOf.map((o) => (isObject(o) ? o.const : undefined));
    if (values.every((v) => typeof v === 'string')) return values as string[];
  }
  return undefined;
}

/** completion/complete: prompt arguments and template variables. */
export async function complete(ctx: RequestContext): Promise<CompleteResult> {
  const { ref, argument, context } = ctx.params;
  if (!isObject(ref) || !isObject(argument) || typeof argument.name !== 'string') {
    throw new McpError(
      ErrorCode.InvalidParams,
      'Invalid params: completion/complete needs ref and argument',
    );
  }
  const name = argument.name;
  const value = typeof argument.value === 'string' ? argument.value : '';
  const args =
    isObject(context) && isObject(context.arguments)
      ? (context.arguments as Record<string, string>)
      : {};
  let callback: CompleteCallback<unknown> | undefined;
  let choices: string[] | undefined;
  if (ref.type === 'ref/prompt') {
    const entry = findPrompt(ctx, ref.name);
    if (entry.completeWith) return entry.completeWith(ctx);
    callback = entry.complete?.[name];
    choices = callback ? undefined : enumValues(entry.properties[name]);
  } else if (ref.type === 'ref/resource') {
    const uri = ref.uri;
    const entry = typeof uri === 'string' ? ctx.server.templateRegistry.find(uri) : undefined;
    if (!entry) {
      if (typeof uri === 'string' && ctx.server.resourceRegistry.find(uri)) return emptyResult();
      throw new McpError(ErrorCode.InvalidParams, `Unknown resource template: ${String(uri)}`);
    }
    if (entry.completeWith) return entry.completeWith(ctx);
    callback = entry.complete?.[name];
  } else {
    throw new McpError(
      ErrorCode.InvalidParams,
      `Invalid params: unknown ref type ${String(ref.type)}`,
    );
  }
  if (callback) {
    const found = await callback(value, { arguments: args, ctx });
    return Array.isArray(found) ? capped(found) : capped(found.values, found.total, found.hasMore);
  }
  if (choices) return capped(choices.filter((c) => c.startsWith(value)));
  return emptyResult();
}

const emptyResult = (): CompleteResult => ({
  completion: { values: [], total: 0, hasMore: false },
});

function capped(values: string[], total?: number, hasMore?: boolean): CompleteResult {
  const count = total ?? values.length;
  return {
    completion: {
      values: values.slice(0, MAX_VALUES),
      total: count,
      hasMore: hasMore ?? values.length > MAX_VALUES,
    },
  };
}
