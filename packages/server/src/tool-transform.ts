import type { CallToolResult, JsonObject, JsonSchema, Tool } from '@mcpkit/core';
import type { Context } from './context-types.js';
import type { Registry } from './registry.js';
import { type ToolResult, toolResult } from './results.js';
import { toCallToolResult } from './tool-result.js';
import { invokeTool, type ToolEntry } from './tools.js';

/** How one argument of the original tool changes. */
export interface ArgTransform {
  /** the name callers use instead */
  name?: string;
  description?: string;
  /** makes the argument optional; used when the caller leaves it out */
  default?: unknown;
  /** removes the argument from the schema; `value` is sent in its place */
  hide?: true;
  /** what a hidden argument is set to: a value, or a function of the request's context */
  value?: unknown;
}

/** What `callOriginal` and the request's context give a transformed tool's `fn`. */
export interface TransformHelpers<L = unknown> {
  /**
   * Call the original tool with arguments in the new shape (renamed back, hidden values and
   * defaults filled in); default: the arguments as received. Resolves to its result, as is.
   */
  callOriginal(args?: Record<string, unknown>): Promise<ToolResult>;
  ctx: Context<L>;
}

/** How `server.transformTool()` derives a tool from another. */
export interface ToolTransform<N extends string = string, L = unknown> {
  /** the new tool's name (default: the original's, which it then replaces) */
  name?: N;
  title?: string;
  description?: string;
  /** per argument of the original, by its original name */
  args?: Readonly<Record<string, ArgTransform>>;
  /**
   * Runs instead of the original: receives the arguments in the new shape (defaults filled in);
   * return `callOriginal()`'s result, a `toolResult()`, or any value a tool handler may return.
   */
  fn?: (args: Record<string, unknown>, helpers: TransformHelpers<L>) => unknown;
  /** hide the original tool when the new one has another name (default false) */
  hideOriginal?: boolean;
}

const unused = (): never => {
  throw new Error('mcpkit: a transformed tool is served by its transformation');
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The new input schema: hidden arguments out, renamed ones renamed, described, defaulted. */
function transformSchema(schema: JsonSchema, args: Readonly<Record<string, ArgTransform>>) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const outProps: Record<string, unknown> = {};
  const outRequired: string[] = [];
  for (const [key, prop] of Object.entries(properties)) {
    const t = args[key];
    if (t?.hide) continue;
    const name = t?.name ?? key;
    let next = prop;
    if (t && (t.description !== undefined || 'default' in t)) {
      next = { ...(prop as JsonObject) };
      if (t.description !== undefined) (next as JsonObject).description = t.description;
      if ('default' in t) (next as JsonObject).default = t.default as JsonObject;
    }
    outProps[name] = next;
    if (required.has(key) && !(t && 'default' in t)) outRequired.push(name);
  }
  const out: JsonSchema = { ...schema, properties: outProps };
  if (outRequired.length > 0) out.required = outRequired;
  else delete out.required;
  return out;
}

/** Maps arguments between the new shape and the original's. */
class ArgMapper {
  private readonly original = new Map<string, string>();

  constructor(private readonly args: Readonly<Record<string, ArgTransform>>) {
    for (const [key, t] of Object.entries(args)) {
      if (!t.hide) this.original.set(t.name ?? key, key);
    }
  }

  /** The received arguments plus defaults, in the new shape. */
  withDefaults(received: Record<string, unknown>): Record<string, unknown> {
    const out = { ...received };
    for (const [key, t] of Object.entries(this.args)) {
      const name = t.name ?? key;
      if (!t.hide && 'default' in t && out[name] === undefined) out[name] = t.default;
    }
    return out;
  }

  /** New-shape arguments as the original takes them; callers cannot set hidden ones. */
  toOriginal(args: Record<string, unknown>, ctx: Context<unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(args)) {
      const key = this.original.get(name);
      if (key !== undefined) out[key] = value;
      else if (!(name in this.args)) out[name] = value;
    }
    for (const [key, t] of Object.entries(this.args)) {
      if (!t.hide) continue;
      const value = typeof t.value === 'function' ? t.value(ctx) : t.value;
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
}

/** The derived tool, made once per version of the original entry. */
function derive(original: ToolEntry, name: string, spec: ToolTransform): ToolEntry {
  const args = spec.args ?? {};
  const schema = original.wire.inputSchema as JsonSchema;
  for (const key of Object.keys(args)) {
    if (!isObject(schema.properties) || !(key in schema.properties)) {
      console.warn(`mcpkit: transformTool(${original.key}): the tool has no argument ${key}`);
    }
  }
  const wire: Tool = {
    ...original.wire,
    name,
    inputSchema: transformSchema(schema, args) as Tool['inputSchema'],
  };
  if (spec.title !== undefined) wire.title = spec.title;
  if (spec.description !== undefined) wire.description = spec.description;
  const mapper = new ArgMapper(args);
  const entry: ToolEntry = {
    key: name,
    wire,
    tags: original.tags,
    enabled: true,
    input: undefined,
    output: original.output,
    wrapOutput: original.wrapOutput,
    timeoutMs: undefined,
    ...(original.task ? { task: original.task } : {}),
    handler: unused,
    serve: async (ctx) => {
      const received = isObject(ctx.params.arguments) ? ctx.params.arguments : {};
      const shaped = mapper.withDefaults(received);
      // The original runs without the server's middleware again: it already ran for this call.
      const run = (given: Record<string, unknown>) => {
        const args = mapper.toOriginal(given, ctx) as JsonObject;
        const child = ctx.derive(ctx.server, {
          ...ctx.params,
          name: original.key,
          arguments: args,
        });
        return original.serve ? original.serve(child) : invokeTool(child, original);
      };
      if (!spec.fn) return run(shaped);
      const callOriginal = async (given: Record<string, unknown> = shaped) => {
        const result = await run(given);
        return ('content' in result ? toolResult(asInit(result)) : result) as ToolResult;
      };
      return toCallToolResult(await spec.fn(shaped, { callOriginal, ctx }), entry);
    },
  };
  return entry;
}

const asInit = (r: CallToolResult) => ({
  content: r.content,
  ...(r.structuredContent !== undefined ? { structuredContent: r.structuredContent } : {}),
  ...(r.isError ? { isError: true } : {}),
  ...(r._meta ? { meta: r._meta } : {}),
});

/**
 * Show a tool derived from `original` (which may be mounted, proxied or not registered yet):
 * renamed, redescribed, with arguments renamed, defaulted or hidden, optionally running `fn`
 * around the original. The derivation is live: it follows the original as it changes.
 */
export function transformTool(
  registry: Registry<ToolEntry>,
  original: string,
  spec: ToolTransform,
): void {
  const name = spec.name ?? original;
  if (name !== original) registry.claim(name, undefined);
  const made = new WeakMap<ToolEntry, ToolEntry>();
  registry.overlay((entries) => {
    const source = entries.get(original);
    if (!source) return;
    let derived = made.get(source);
    if (!derived) {
      derived = derive(source, name, spec);
      made.set(source, derived);
    }
    if (name !== original && spec.hideOriginal) entries.delete(original);
    entries.set(name, derived);
  });
}
