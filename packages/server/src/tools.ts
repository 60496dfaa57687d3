import {
  type CallToolResult,
  ErrorCode,
  type JsonSchema,
  McpError,
  type Tool,
  toJsonSchema,
  toObjectJsonSchema,
  type ValidationResult,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { Context } from './context-types.js';
import type { Entry } from './entry-source.js';
import { toolErrorResult } from './error-mapping.js';
import { ToolError } from './errors.js';
import type { SchemaLike } from './infer.js';
import { continueHandshake, runInteractive } from './input-round.js';
import { runMiddleware } from './middleware.js';
import { checkParamHeaderAnnotations, checkParamHeaders } from './param-headers.js';
import { isThenable, quickValidate } from './quick-validate.js';
import { type InputRequired, isInputRequired } from './results.js';
import { callAsTask } from './task-call.js';
import { type ToolTaskSupport, toolTaskSupport } from './task-types.js';
import { toCallToolResult } from './tool-result.js';
import type { ToolDefinition } from './types.js';

/** Marks an output schema that mcpkit wrapped as `{ result }` (clients may unwrap). */
export const WRAP_RESULT_KEY = 'x-mcpkit-wrap-result';

/** A registered tool. */
export interface ToolEntry extends Entry {
  readonly wire: Tool;
  readonly input: SchemaLike | undefined;
  readonly output: SchemaLike | undefined;
  /** the output schema describes a non-object, sent as `{ result }` */
  readonly wrapOutput: boolean;
  readonly timeoutMs: number | undefined;
  /** tasks extension (stateless era): whether calls may or must run as tasks */
  readonly task?: ToolTaskSupport;
  readonly handler: (input: unknown, ctx: Context<unknown>) => unknown;
  /**
   * Serves the call itself (mounted, proxied and transformed tools): no input validation or
   * result conversion here, `handler` is not used.
   */
  readonly serve?: (ctx: RequestContext) => Promise<CallToolResult | InputRequired>;
}

const NO_ARGUMENTS: JsonSchema = Object.freeze({ type: 'object', additionalProperties: false });
const NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** Build a tool entry: schemas are converted once, here, never per request. */
export function createToolEntry(
  name: string,
  def: ToolDefinition<SchemaLike | undefined, SchemaLike | undefined>,
  handler: ToolEntry['handler'],
): ToolEntry {
  if (!NAME.test(name)) {
    console.warn(
      `mcpkit: tool name ${JSON.stringify(name)} should be 1-128 characters of A-Z a-z 0-9 _ . -`,
    );
  }
  const wire: Tool = {
    name,
    inputSchema: (def.input ? toObjectJsonSchema(def.input) : NO_ARGUMENTS) as Tool['inputSchema'],
  };
  if (def.title !== undefined) wire.title = def.title;
  if (def.description !== undefined) wire.description = def.description;
  if (def.icons) wire.icons = def.icons;
  let wrapOutput = false;
  if (def.output) {
    const json = toJsonSchema(def.output, { io: 'output' });
    wrapOutput = json.type !== 'object';
    wire.outputSchema = wrapOutput
      ? {
          type: 'object',
          properties: { result: json },
          required: ['result'],
          [WRAP_RESULT_KEY]: true,
        }
      : json;
  }
  if (def.annotations) wire.annotations = def.annotations;
  if (def.meta) wire._meta = def.meta;
  checkParamHeaderAnnotations(wire);
  const task = toolTaskSupport(name, def.task);
  return {
    ...(task ? { task } : {}),
    key: name,
    wire,
    tags: def.tags,
    enabled: def.enabled ?? true,
    input: def.input,
    output: def.output,
    wrapOutput,
    timeoutMs: def.timeoutMs,
    handler,
  };
}

type ToolOutcome = CallToolResult | InputRequired;

/** tools/call: find, run through middleware and MRTR, turn errors into `isError` results. */
export function callTool(ctx: RequestContext): unknown {
  const name = ctx.params.name;
  const entry = typeof name === 'string' ? ctx.server.toolRegistry.find(name) : undefined;
  if (!entry) {
    throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${String(name)}`);
  }
  // SEP-2243: over HTTP, Mcp-Param-* headers must mirror the arguments (stdio/memory have none).
  const headers = ctx.era === 'stateless' ? ctx.headers : undefined;
  if (headers) checkParamHeaders(entry.wire, ctx.params.arguments, headers);
  const failed = (error: unknown): CallToolResult => {
    if (ctx.round?.requests && !ctx.task?.started) throw error;
    return toolErrorResult(ctx.server, error, entry.key);
  };
  if (ctx.era !== 'stateless' && isDirect(ctx, entry)) {
    // The hot path: no middleware, no MRTR round unless the handler asks for input; sync
    // handlers and schemas cost no promise here at all.
    const attempt = (): unknown => {
      try {
        const result = invokeDirect(ctx, entry);
        return isThenable(result) ? Promise.resolve(result).then(undefined, failed) : result;
      } catch (error) {
        return failed(error);
      }
    };
    const first = attempt();
    const settle = (result: unknown) =>
      isInputRequired(result) ? continueHandshake(ctx, result, attempt) : result;
    return isThenable(first) ? first.then(settle) : settle(first);
  }
  const run = async () => {
    try {
      return await runTool(ctx, entry);
    } catch (error) {
      return failed(error);
    }
  };
  if (entry.task && ctx.era === 'stateless') return callAsTask(ctx, entry.task, entry.key, run);
  return runInteractive(ctx, entry.key, run);
}

/** A plain tool without `onCallTool` middleware: nothing to wrap around the handler. */
const isDirect = (ctx: RequestContext, entry: ToolEntry): boolean =>
  !entry.serve && ctx.server.middleware('onCallTool').length === 0;

/** Run a found tool inside its server's `onCallTool` middleware; errors are thrown. */
export function runTool(ctx: RequestContext, entry: ToolEntry): Promise<ToolOutcome> {
  return runMiddleware(ctx, 'onCallTool', () =>
    entry.serve ? entry.serve(ctx) : invokeTool(ctx, entry),
  );
}

/** Validate the input, run the handler, convert its value: a tool without middleware. */
export function invokeTool(ctx: RequestContext, entry: ToolEntry): Promise<ToolOutcome> {
  try {
    return Promise.resolve(invokeDirect(ctx, entry));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** {@link invokeTool} without promises where schema and handler are synchronous; may throw. */
function invokeDirect(ctx: RequestContext, entry: ToolEntry): ToolOutcome | Promise<ToolOutcome> {
  if (!entry.input) return runHandler(ctx, entry, {});
  const checked = quickValidate(entry.input, ctx.params.arguments ?? {});
  return isThenable(checked)
    ? checked.then((done) => afterValidation(ctx, entry, done))
    : afterValidation(ctx, entry, checked);
}

function afterValidation(
  ctx: RequestContext,
  entry: ToolEntry,
  checked: ValidationResult<unknown>,
): ToolOutcome | Promise<ToolOutcome> {
  if (!checked.ok) {
    return {
      content: [
        { type: 'text', text: `Invalid arguments for tool ${entry.key}: ${checked.message}` },
      ],
      isError: true,
    };
  }
  return runHandler(ctx, entry, checked.value);
}

function runHandler(
  ctx: RequestContext,
  entry: ToolEntry,
  input: unknown,
): ToolOutcome | Promise<ToolOutcome> {
  const value = entry.timeoutMs ? withTimeout(ctx, entry, input) : entry.handler(input, ctx);
  return isThenable(value)
    ? Promise.resolve(value).then((done) => toCallToolResult(done, entry))
    : toCallToolResult(value, entry);
}

async function withTimeout(
  ctx: RequestContext,
  entry: ToolEntry,
  input: unknown,
): Promise<unknown> {
  const ms = entry.timeoutMs!;
  const controller = ctx.armTimeout();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ToolError(`Tool ${entry.key} timed out after ${ms} ms`);
      // Settle first, so a handler that returns as soon as it is aborted cannot win the race.
      reject(error);
      controller.abort(error);
    }, ms);
  });
  try {
    return await Promise.race([Promise.resolve(entry.handler(input, ctx)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
