import {
  type CreateMessageParams,
  type CreateMessageResult,
  type ElicitationSchema,
  ErrorCode,
  hasCapability,
  type InputRequest,
  type JsonObject,
  type JsonSchema,
  McpError,
  type Root,
  type SamplingMessage,
  toJsonSchema,
  validate,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type {
  ElicitOutcome,
  InputKeyOptions,
  SampleOptions,
  SampleResult,
} from './context-types.js';
import type { SchemaLike } from './infer.js';
import { InputRequiredSignal, missingCapability, requiredCapability } from './input-round.js';
import type { TaskControl } from './task-control.js';

const HUMAN_TIMEOUT_MS = 10 * 60_000;
const MAX_TASK_ASKS = 8;

type Parse<T> = (answer: unknown) => T | undefined | Promise<T | undefined>;

/**
 * Ask the client for input. Handshake era: a real request to the client. Stateless era: the
 * answer from the retried request, or an input request that ends this run.
 */
async function ask<T>(
  ctx: RequestContext,
  kind: string,
  request: InputRequest,
  key: string | undefined,
  parse: Parse<T>,
): Promise<T> {
  const need = requiredCapability(request);
  if (!hasCapability(ctx.client.capabilities as JsonObject, need)) {
    throw missingCapability(need, request.method);
  }
  const task = ctx.task;
  if (task?.started) return askInTask(task, kind, request, key, parse);
  if (ctx.era === 'stateless') {
    const round = ctx.round;
    if (!round) {
      throw new McpError(
        ErrorCode.InvalidRequest,
        `${request.method} input can only be asked for while serving tools/call, prompts/get or resources/read`,
      );
    }
    const k = round.nextKey(kind, key);
    if (Object.hasOwn(round.answers, k)) {
      const value = await parse(round.answers[k]);
      if (value !== undefined) return value;
      // A malformed answer is asked for again, never passed on.
      delete round.answers[k];
    }
    round.add(k, request);
    throw new InputRequiredSignal();
  }
  // A person fills in an elicitation: allow longer than the session's default request timeout.
  const options =
    request.method === 'elicitation/create' ? { timeoutMs: HUMAN_TIMEOUT_MS } : undefined;
  const answer = await ctx.req.request(
    request.method,
    request.params as JsonObject | undefined,
    options,
  );
  const value = await parse(answer);
  if (value === undefined) {
    throw new McpError(
      ErrorCode.InternalError,
      `The client answered ${request.method} with an invalid result`,
    );
  }
  return value;
}

/**
 * Inside a task the handler simply waits: the request shows in `tasks/get` (`input_required`)
 * until `tasks/update` answers it. A malformed answer is asked for again under a new key.
 */
async function askInTask<T>(
  task: TaskControl,
  kind: string,
  request: InputRequest,
  key: string | undefined,
  parse: Parse<T>,
): Promise<T> {
  for (let i = 0; i < MAX_TASK_ASKS; i++) {
    const value = await parse(await task.waitFor(key ?? task.nextKey(kind), request));
    if (value !== undefined) return value;
  }
  throw new McpError(
    ErrorCode.InvalidParams,
    `The client answered ${request.method} with an invalid result ${MAX_TASK_ASKS} times`,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface FormSchema {
  requested: ElicitationSchema;
  /** a non-object schema is asked as one field named `value` */
  wrapped: boolean;
}

const forms = new WeakMap<object, FormSchema>();

function formSchema(schema: SchemaLike): FormSchema {
  const cached = forms.get(schema);
  if (cached) return cached;
  const json = toJsonSchema(schema, { io: 'input' });
  let form: FormSchema;
  if (json.type === 'object') {
    const requested = { type: 'object', properties: json.properties ?? {} } as ElicitationSchema;
    if (Array.isArray(json.required) && json.required.length > 0) {
      requested.required = json.required as string[];
    }
    form = { requested, wrapped: false };
  } else {
    const requested = {
      type: 'object',
      properties: { value: json },
    } as unknown as ElicitationSchema;
    if (!('default' in json)) requested.required = ['value'];
    form = { requested, wrapped: true };
  }
  forms.set(schema, form);
  return form;
}

/** `ctx.elicit()`: a form; the accepted content is validated against the schema. */
export function elicitForm(
  ctx: RequestContext,
  message: string,
  schema: SchemaLike,
  options: InputKeyOptions = {},
): Promise<ElicitOutcome<unknown>> {
  const { requested, wrapped } = formSchema(schema);
  const request: InputRequest = {
    method: 'elicitation/create',
    params: { message, requestedSchema: requested },
  };
  return ask(ctx, 'elicit', request, options.key, async (answer) => {
    if (!isObject(answer)) return undefined;
    if (answer.action === 'decline' || answer.action === 'cancel') return { action: answer.action };
    if (answer.action !== 'accept' || !isObject(answer.content)) return undefined;
    const value = wrapped ? answer.content.value : answer.content;
    const checked = await validate(schema as JsonSchema, value);
    return checked.ok ? { action: 'accept', data: checked.value } : undefined;
  });
}

/** `ctx.elicitUrl()`: URL mode; `accept` means the user agreed to open the URL. */
export function elicitUrl(
  ctx: RequestContext,
  message: string,
  url: string,
  options: InputKeyOptions = {},
): Promise<{ action: 'accept' | 'decline' | 'cancel' }> {
  const params: JsonObject = { mode: 'url', message, url };
  // The handshake era matches completion notifications by id; the stateless era has none.
  if (ctx.era === 'handshake') params.elicitationId = crypto.randomUUID();
  const request = { method: 'elicitation/create', params } as unknown as InputRequest;
  return ask(ctx, 'elicit', request, options.key, (answer) => {
    if (!isObject(answer)) return undefined;
    const action = answer.action;
    return action === 'accept' || action === 'decline' || action === 'cancel'
      ? { action }
      : undefined;
  });
}

/** `ctx.sample()`: one completion from the client's LLM. */
export function sample(
  ctx: RequestContext,
  prompt: string | SamplingMessage[],
  options: SampleOptions = {},
): Promise<SampleResult> {
  const { key, maxTokens = 1024, ...rest } = options;
  const messages: SamplingMessage[] =
    typeof prompt === 'string'
      ? [{ role: 'user', content: { type: 'text', text: prompt } }]
      : prompt;
  const request: InputRequest = {
    method: 'sampling/createMessage',
    params: { messages, maxTokens, ...rest } as CreateMessageParams,
  };
  return ask(ctx, 'sample', request, key, (answer) => {
    if (!isObject(answer) || (!isObject(answer.content) && !Array.isArray(answer.content)))
      return undefined;
    const result = answer as unknown as CreateMessageResult;
    const blocks = Array.isArray(result.content) ? result.content : [result.content];
    const text = blocks.map((b) => (b.type === 'text' ? b.text : '')).join('');
    return { ...result, text };
  });
}

/** `ctx.roots()`: the client's roots. */
export function listRoots(ctx: RequestContext, options: InputKeyOptions = {}): Promise<Root[]> {
  const request = { method: 'roots/list' } as InputRequest;
  return ask(ctx, 'roots', request, options.key, (answer) =>
    isObject(answer) && Array.isArray(answer.roots) ? (answer.roots as Root[]) : undefined,
  );
}

const KINDS: Record<string, string> = {
  'sampling/createMessage': 'sample',
  'elicitation/create': 'elicit',
  'roots/list': 'roots',
};

/**
 * Pass a request on to this request's client as it is (a proxied server's sampling, elicitation
 * or roots request): a real request in the handshake era, an input request in the stateless era.
 */
export function askClient(ctx: RequestContext, request: InputRequest): Promise<JsonObject> {
  return ask(ctx, KINDS[request.method] ?? 'input', request, undefined, (answer) =>
    isObject(answer) ? (answer as JsonObject) : undefined,
  );
}
