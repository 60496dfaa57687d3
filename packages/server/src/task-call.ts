import {
  type CallToolResult,
  ErrorCode,
  hasCapability,
  type JsonObject,
  McpError,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import {
  InputRound,
  missingCapability,
  requiredCapability,
  runInteractive,
} from './input-round.js';
import { type InputRequired, isInputRequired } from './results.js';
import type { Outcome, TaskControl } from './task-control.js';
import { declaresTasks, missingTasksCapability } from './task-manager.js';
import type { ToolTaskSupport } from './task-types.js';

type RunTool = () => Promise<CallToolResult | InputRequired>;

const MAX_INPUT_ROUNDS = 16;

const settle = (run: Promise<unknown>): Promise<Outcome> =>
  run.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

/**
 * tools/call of a tool with task support, stateless era. Without the extension in the request's
 * capabilities it runs as a plain call (`required` tools answer -32021). With it, the task is
 * created (before the handler, or when it calls `ctx.startTask()`), the call answers the
 * `CreateTaskResult`, and the handler goes on in the background with the same `ctx`.
 */
export function callAsTask(
  ctx: RequestContext,
  support: ToolTaskSupport,
  target: string,
  run: RunTool,
): Promise<unknown> {
  if (!declaresTasks(ctx)) {
    if (support.support === 'required') throw missingTasksCapability(`Tool ${target}`);
    return runInteractive(ctx, target, run);
  }
  const control = ctx.server.tasks.prepare(ctx, support);
  ctx.task = control;
  return support.start === 'call'
    ? startNow(ctx, control, run)
    : runInteractive(ctx, target, () => runUntilStarted(ctx, control, run));
}

async function startNow(ctx: RequestContext, control: TaskControl, run: RunTool) {
  await control.start();
  void settle(runInTask(ctx, control, run)).then((outcome) => control.finish(outcome));
  return control.createResult();
}

/**
 * `start: 'handler'`: a plain call (replayed for MRTR input) until the handler calls
 * `ctx.startTask()`; from then on the call's answer is the `CreateTaskResult`.
 */
async function runUntilStarted(ctx: RequestContext, control: TaskControl, run: RunTool) {
  // Until the task exists, cancelling the request stops the handler.
  const request = ctx.req.signal;
  const follow = () => {
    if (!control.started) control.controller.abort(request.reason);
  };
  if (request.aborted) follow();
  else request.addEventListener('abort', follow, { once: true });
  const running = settle(runInTask(ctx, control, run));
  const first = await Promise.race([running, control.created.then(() => undefined)]);
  if (first === undefined) {
    void running.then((outcome) => control.finish(outcome));
    return control.createResult();
  }
  // The handler ended without starting a task: a plain result (or MRTR's input_required).
  if (first.ok) return first.value;
  throw first.error;
}

/**
 * The handler, inside a task. A low-level `inputRequired()` result is answered through the
 * task (`input_required` until `tasks/update`), then the handler runs again with the answers.
 */
async function runInTask(ctx: RequestContext, control: TaskControl, run: RunTool) {
  for (let i = 0; i < MAX_INPUT_ROUNDS; i++) {
    const result = await run();
    if (!isInputRequired(result) || !control.started) return result;
    ctx.round ??= new InputRound({}, undefined);
    const round = ctx.round;
    const asks = Object.entries(result.inputRequests ?? {}).map(async ([key, request]) => {
      const need = requiredCapability(request);
      if (!hasCapability(ctx.client.capabilities as JsonObject, need)) {
        throw missingCapability(need, request.method);
      }
      round.answers[key] = await control.waitFor(key, request);
    });
    await Promise.all(asks);
    round.authorState = result.requestState;
  }
  throw new McpError(
    ErrorCode.InternalError,
    `The handler asked for input more than ${MAX_INPUT_ROUNDS} times in a row`,
  );
}
