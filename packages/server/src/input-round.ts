import {
  ErrorCode,
  hasCapability,
  type InputRequest,
  type InputRequests,
  type JsonObject,
  McpError,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { StatePayload } from './request-state.js';
import { type InputRequired, isInputRequired } from './results.js';

/** Thrown out of a replayed handler when it asked for input that has no answer yet. */
export class InputRequiredSignal extends Error {
  override name = 'InputRequiredSignal';
  constructor() {
    super('Input is required before this request can complete');
  }
}

const MAX_HANDSHAKE_ROUNDS = 16;

/** The input requests and answers of one tools/call, prompts/get or resources/read. */
export class InputRound {
  /** input requests made in this run that have no answer yet */
  requests: InputRequests | undefined;
  /** `ctx.log.*()` and `ctx.progress()` calls made in this run (from the top) */
  logs = 0;
  progress = 0;
  private calls = 0;

  constructor(
    /** answers so far: sealed state plus this retry's inputResponses */
    readonly answers: Record<string, unknown>,
    /** the handler's own state from the previous round */
    public authorState: string | undefined,
    /** log and progress calls earlier rounds already made: a replay drops that many */
    private readonly sentLogs = 0,
    private readonly sentProgress = 0,
  ) {}

  /** Count a log call; true when an earlier round already sent it (a replay). */
  replayedLog(): boolean {
    return this.logs++ < this.sentLogs;
  }

  /** Count a progress call; true when an earlier round already sent it (a replay). */
  replayedProgress(): boolean {
    return this.progress++ < this.sentProgress;
  }

  /** The key of the next input call: the caller's, or `<kind>_<call index>`. */
  nextKey(kind: string, key: string | undefined): string {
    const index = this.calls++;
    return key ?? `${kind}_${index}`;
  }

  add(key: string, request: InputRequest): void {
    this.requests ??= {};
    this.requests[key] = request;
  }
}

/** The client capability an input request needs, shaped like ClientCapabilities. */
export function requiredCapability(request: InputRequest): JsonObject {
  if (request.method === 'sampling/createMessage') return { sampling: {} };
  if (request.method === 'roots/list') return { roots: {} };
  return request.params.mode === 'url' ? { elicitation: { url: {} } } : { elicitation: {} };
}

/** -32021 naming the capability the request did not declare. */
export function missingCapability(need: JsonObject, method: string): McpError {
  const name = Object.keys(need)[0] ?? 'required';
  return new McpError(
    ErrorCode.MissingRequiredClientCapability,
    `The client did not declare the ${name} capability that ${method} needs`,
    { requiredCapabilities: need },
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Run a handler that may ask the client for input. Stateless era: the handler is replayed with
 * the answers so far; unanswered asks end the run with an `input_required` result whose sealed
 * `requestState` carries the answers. Handshake era: low-level `inputRequired()` results are
 * answered by asking the client, then the handler runs again.
 */
export async function runInteractive(
  ctx: RequestContext,
  target: string,
  run: () => Promise<unknown>,
): Promise<unknown> {
  return ctx.era === 'stateless' ? runStateless(ctx, target, run) : runHandshake(ctx, run);
}

async function runStateless(ctx: RequestContext, target: string, run: () => Promise<unknown>) {
  const { params, server } = ctx;
  let answers: Record<string, unknown> = {};
  let authorState: string | undefined;
  let sentLogs = 0;
  let sentProgress = 0;
  if (params.requestState !== undefined) {
    const state = await server.stateCodec.open(params.requestState, ctx.method, target);
    answers = state.a;
    authorState = state.s;
    sentLogs = state.l ?? 0;
    sentProgress = state.p ?? 0;
  }
  if (isPlainObject(params.inputResponses)) Object.assign(answers, params.inputResponses);
  const round = new InputRound(answers, authorState, sentLogs, sentProgress);
  ctx.round = round;
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (!round.requests) throw error;
  }
  if (round.requests) return sealInputRequired(ctx, target, round.requests, round.authorState);
  if (!isInputRequired(result)) return result;
  let requests: InputRequests | undefined;
  if (result.inputRequests) {
    requests = allowedRequests(ctx, result.inputRequests);
  }
  return sealInputRequired(ctx, target, requests, result.requestState);
}

/** Keep the requests the client can answer; none left → -32021 for the first. */
function allowedRequests(ctx: RequestContext, all: InputRequests): InputRequests | undefined {
  const caps = ctx.client.capabilities as JsonObject;
  let kept: InputRequests | undefined;
  let firstMissing: McpError | undefined;
  for (const [key, request] of Object.entries(all)) {
    const need = requiredCapability(request);
    if (hasCapability(caps, need)) {
      kept ??= {};
      kept[key] = request;
    } else {
      firstMissing ??= missingCapability(need, request.method);
    }
  }
  if (!kept && firstMissing) throw firstMissing;
  return kept;
}

async function sealInputRequired(
  ctx: RequestContext,
  target: string,
  inputRequests: InputRequests | undefined,
  authorState: string | undefined,
): Promise<JsonObject> {
  const round = ctx.round;
  const payload: Omit<StatePayload, 'x'> = { m: ctx.method, t: target, a: round?.answers ?? {} };
  if (authorState !== undefined) payload.s = authorState;
  // The next round replays the handler from the top: it must not send these again.
  if (round?.logs) payload.l = round.logs;
  if (round?.progress) payload.p = round.progress;
  const requestState = await ctx.server.stateCodec.seal(payload);
  const result: JsonObject = { resultType: 'input_required' };
  if (inputRequests) result.inputRequests = inputRequests;
  result.requestState = requestState;
  return result;
}

async function runHandshake(ctx: RequestContext, run: () => Promise<unknown>) {
  const result = await run();
  return isInputRequired(result) ? continueHandshake(ctx, result, run) : result;
}

/**
 * Handshake era, after a run returned `inputRequired()`: ask the client, run the handler again
 * with the answers, until it completes (at most {@link MAX_HANDSHAKE_ROUNDS} runs in all).
 */
export async function continueHandshake(
  ctx: RequestContext,
  first: InputRequired,
  run: () => unknown,
): Promise<unknown> {
  let result: unknown = first;
  for (let i = 0; i < MAX_HANDSHAKE_ROUNDS; i++) {
    if (i > 0) {
      result = await run();
      if (!isInputRequired(result)) return result;
    }
    const asked = result as InputRequired;
    // Made only when a handler uses the low-level API: plain calls allocate nothing here.
    ctx.round ??= new InputRound({}, undefined);
    const round = ctx.round;
    const caps = ctx.client.capabilities as JsonObject;
    for (const [key, request] of Object.entries(asked.inputRequests ?? {})) {
      const need = requiredCapability(request);
      if (!hasCapability(caps, need)) throw missingCapability(need, request.method);
      round.answers[key] = await ctx.req.request(
        request.method,
        request.params as JsonObject | undefined,
      );
    }
    round.authorState = asked.requestState;
  }
  throw new McpError(
    ErrorCode.InternalError,
    `The handler asked for input more than ${MAX_HANDSHAKE_ROUNDS} times in a row`,
  );
}
