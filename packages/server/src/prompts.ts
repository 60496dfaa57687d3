import {
  type CompleteResult,
  ErrorCode,
  type GetPromptResult,
  type JsonSchema,
  McpError,
  type Prompt,
  type PromptArgument,
  toJsonSchema,
  validate,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { Context } from './context-types.js';
import type { Entry } from './entry-source.js';
import type { SchemaLike } from './infer.js';
import { toPromptResult } from './prompt-result.js';
import type { InputRequired } from './results.js';
import type { CompleteCallback, PromptDefinition } from './types.js';

/** A registered prompt. */
export interface PromptEntry extends Entry {
  readonly wire: Prompt;
  readonly args: SchemaLike | undefined;
  /** the args' JSON Schema properties, for parsing non-string arguments and enum completion */
  readonly properties: Record<string, JsonSchema>;
  readonly complete: Record<string, CompleteCallback<unknown> | undefined> | undefined;
  readonly handler: (args: unknown, ctx: Context<unknown>) => unknown;
  /** renders the prompt itself (mounted, proxied prompts): `handler` is not used */
  readonly serve?: (
    ctx: RequestContext,
    args: Record<string, unknown>,
  ) => Promise<GetPromptResult | InputRequired>;
  /** answers completion/complete itself (mounted, proxied prompts) */
  readonly completeWith?: (ctx: RequestContext) => Promise<CompleteResult>;
}

export function createPromptEntry(
  name: string,
  def: PromptDefinition<SchemaLike | undefined, unknown>,
  handler: PromptEntry['handler'],
): PromptEntry {
  const wire: Prompt = { name };
  if (def.title !== undefined) wire.title = def.title;
  if (def.description !== undefined) wire.description = def.description;
  let properties: Record<string, JsonSchema> = {};
  if (def.args) {
    const json = toJsonSchema(def.args);
    properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(json.required) ? (json.required as string[]) : []);
    wire.arguments = Object.entries(properties).map(([argName, prop]) => {
      const arg: PromptArgument = { name: argName };
      if (typeof prop.title === 'string') arg.title = prop.title;
      if (typeof prop.description === 'string') arg.description = prop.description;
      if (required.has(argName)) arg.required = true;
      return arg;
    });
  }
  if (def.icons) wire.icons = def.icons;
  if (def.meta) wire._meta = def.meta;
  return {
    key: name,
    wire,
    tags: def.tags,
    enabled: def.enabled ?? true,
    args: def.args,
    properties,
    complete: def.complete as PromptEntry['complete'],
    handler,
  };
}

const acceptsString = (prop: JsonSchema | undefined): boolean => {
  if (!prop || prop.type === undefined) return true;
  return Array.isArray(prop.type) ? prop.type.includes('string') : prop.type === 'string';
};

/** Prompt arguments travel as strings: parse the ones whose schema is not a string as JSON. */
function parseArguments(entry: PromptEntry, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' && !acceptsString(entry.properties[key])) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // left as a string: validation then says what was expected
      }
    }
    out[key] = value;
  }
  return out;
}

export function findPrompt(ctx: RequestContext, name: unknown): PromptEntry {
  const entry = typeof name === 'string' ? ctx.server.promptRegistry.find(name) : undefined;
  if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${String(name)}`);
  return entry;
}

/** Render a visible prompt; invalid arguments answer -32602. */
export async function renderPrompt(
  ctx: RequestContext,
  entry: PromptEntry,
  raw: Record<string, unknown>,
): Promise<GetPromptResult | InputRequired> {
  if (entry.serve) return entry.serve(ctx, raw);
  let args: unknown = {};
  if (entry.args) {
    const checked = await validate(entry.args, parseArguments(entry, raw));
    if (!checked.ok) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid arguments for prompt ${entry.key}: ${checked.message}`,
      );
    }
    args = checked.value;
  }
  return toPromptResult(await entry.handler(args, ctx), entry.wire.description);
}

/** `ctx.getPrompt()`: render one of this server's prompts. */
export async function getPrompt(
  ctx: RequestContext,
  name: string,
  args: Record<string, string>,
): Promise<GetPromptResult> {
  return (await renderPrompt(ctx, findPrompt(ctx, name), args)) as GetPromptResult;
}
