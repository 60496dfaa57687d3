import type { JsonObject } from '@mcpkit/core';
import { createServer, inputRequired } from '@mcpkit/server';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { failure, result } from './helpers.js';
import { ID1, META, T0, useTaskClock } from './task-setup.js';

const EXT = { elicitation: {}, extensions: { 'io.modelcontextprotocol/tasks': {} } };
const nameForm = z.object({ name: z.string() });
const NAME_SCHEMA = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
};
const accept = (content: JsonObject) => ({ action: 'accept', content });
const elicit = (message: string) => ({
  method: 'elicitation/create',
  params: { message, requestedSchema: NAME_SCHEMA },
});

let startedAs: boolean[];

function build() {
  const sub = createServer({ name: 'sub', version: '1' }).tool(
    'ask',
    { task: 'optional' },
    async (_i, ctx) => {
      const a = await ctx.elicit('Sub?', nameForm);
      return a.action === 'accept' ? `sub got ${a.data.name}` : a.action;
    },
  );
  return createServer({ name: 's', version: '1' })
    .tool('one', { task: 'optional' }, async (_i, ctx) => {
      const a = await ctx.elicit('Name?', nameForm, { key: 'who' });
      return a.action === 'accept' ? `Hello, ${a.data.name}!` : a.action;
    })
    .tool('two', { task: 'optional' }, async (_i, ctx) => {
      const [a, b] = await Promise.all([ctx.elicit('A?', nameForm), ctx.elicit('B?', nameForm)]);
      const show = (x: typeof a) => (x.action === 'accept' ? x.data.name : x.action);
      return `${show(a)}+${show(b)}`;
    })
    .tool('sampler', { task: 'optional' }, async (_i, ctx) => (await ctx.sample('Hi?')).text)
    .tool('lowLevel', { task: 'optional' }, (_i, ctx) => {
      if (ctx.requestState === 'asked') {
        return `state ${ctx.requestState}: ${JSON.stringify(ctx.inputResponses)}`;
      }
      return inputRequired({
        inputRequests: { pick: elicit('Pick?') as never },
        requestState: 'asked',
      });
    })
    .tool('later', { task: { support: 'required', start: 'handler' } }, async (_i, ctx) => {
      const a = await ctx.elicit('Name?', nameForm, { key: 'user_name' });
      startedAs.push(await ctx.startTask());
      const b = await ctx.elicit('Again?', nameForm, { key: 'user_name' });
      const show = (x: typeof a) => (x.action === 'accept' ? x.data.name : x.action);
      return `${show(a)} then ${show(b)} in ${ctx.taskId}`;
    })
    .tool('maybe', { task: { support: 'optional', start: 'handler' } }, async (_i, ctx) => {
      startedAs.push(await ctx.startTask());
      return `task: ${ctx.taskId ?? 'none'}`;
    })
    .mount(sub, { prefix: 'm' })
    .transformTool('one', { name: 'uno' });
}

let server: ReturnType<typeof build>;
const call = (name: string, extra: object = {}, caps: object = EXT) =>
  result(server, 'tools/call', { name, arguments: {}, ...extra } as never, { caps: caps as never });
const get = (taskId = ID1) => result(server, 'tasks/get', { taskId }, { caps: EXT });
const update = (inputResponses: JsonObject, taskId = ID1) =>
  result(server, 'tasks/update', { taskId, inputResponses }, { caps: EXT });
const settle = () => vi.advanceTimersByTimeAsync(0);

useTaskClock();

beforeEach(() => {
  startedAs = [];
  server = build();
});

afterEach(async () => {
  await server.close();
});

describe('tasks extension: input inside a task', () => {
  test('an ask parks the task in input_required; tasks/update acks and the task resumes', async () => {
    expect((await call('one')).status).toBe('working');
    await settle();
    expect(await get()).toEqual({
      resultType: 'complete',
      taskId: ID1,
      status: 'input_required',
      createdAt: T0,
      lastUpdatedAt: T0,
      ttlMs: 3_600_000,
      pollIntervalMs: 1000,
      inputRequests: { who: elicit('Name?') },
      ...META,
    });
    expect(await update({ who: accept({ name: 'Ada' }) })).toEqual({
      resultType: 'complete',
      ...META,
    });
    await settle();
    const done = await get();
    expect(done.status).toBe('completed');
    expect(done.inputRequests).toBeUndefined();
    expect(done.result).toEqual({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hello, Ada!' }],
    });
  });

  test('partial answers keep input_required and remove only the answered key', async () => {
    await call('two');
    await settle();
    expect((await get()).inputRequests).toEqual({ elicit_0: elicit('A?'), elicit_1: elicit('B?') });
    await update({ elicit_1: accept({ name: 'Bo' }), unknown: { ignored: true } });
    expect((await get()).status).toBe('input_required');
    expect((await get()).inputRequests).toEqual({ elicit_0: elicit('A?') });
    await update({ elicit_0: accept({ name: 'Al', extra: true }) });
    await settle();
    expect(((await get()).result as JsonObject).content).toEqual([{ type: 'text', text: 'Al+Bo' }]);
  });

  test('unknown keys and ended tasks are ignored; a malformed answer is asked again anew', async () => {
    await call('one');
    await settle();
    expect(await update({ nobody: accept({ name: 'x' }) })).toEqual({
      resultType: 'complete',
      ...META,
    });
    await update({ who: accept({ name: 42 }) });
    await settle();
    expect((await get()).inputRequests).toEqual({ who_1: elicit('Name?') });
    await update({ who: accept({ name: 'Stale' }), who_1: { action: 'decline' } });
    await settle();
    expect(((await get()).result as JsonObject).content).toEqual([
      { type: 'text', text: 'decline' },
    ]);
    expect(await update({ who_1: accept({ name: 'late' }) })).toEqual({
      resultType: 'complete',
      ...META,
    });
  });

  test('cancelling a task that waits for input ends it cancelled', async () => {
    await call('one');
    await settle();
    await result(server, 'tasks/cancel', { taskId: ID1 }, { caps: EXT });
    const task = await get();
    expect(task.status).toBe('cancelled');
    expect(task.inputRequests).toBeUndefined();
  });

  test('an ask the request declared no capability for fails the task with -32021', async () => {
    await call('sampler');
    await settle();
    expect(await get()).toMatchObject({
      status: 'failed',
      error: {
        code: -32021,
        message:
          'The client did not declare the sampling capability that sampling/createMessage needs',
        data: { requiredCapabilities: { sampling: {} } },
      },
    });
  });

  test('low-level inputRequired() in a task: asked through the task, then the handler runs again', async () => {
    await call('lowLevel');
    await settle();
    expect((await get()).inputRequests).toEqual({ pick: elicit('Pick?') });
    await update({ pick: accept({ name: 'P' }) });
    await settle();
    expect(((await get()).result as JsonObject).content).toEqual([
      { type: 'text', text: 'state asked: {"pick":{"action":"accept","content":{"name":"P"}}}' },
    ]);
  });

  test('mounted and transformed task tools run as tasks of the parent', async () => {
    await call('m_ask');
    await settle();
    expect((await get()).inputRequests).toEqual({ elicit_0: elicit('Sub?') });
    await update({ elicit_0: accept({ name: 'S' }) });
    const uno = await call('uno');
    await settle();
    expect(((await get()).result as JsonObject).content).toEqual([
      { type: 'text', text: 'sub got S' },
    ]);
    expect((await get(uno.taskId as string)).inputRequests).toEqual({ who: elicit('Name?') });
  });
});

describe('tasks extension: ctx.startTask() after MRTR input', () => {
  test('round 1 is plain MRTR; the round that starts the task answers CreateTaskResult', async () => {
    const r1 = await call('later');
    expect(r1.resultType).toBe('input_required');
    expect(r1.taskId).toBeUndefined();
    expect(r1.inputRequests).toEqual({ user_name: elicit('Name?') });
    const r2 = await call('later', {
      inputResponses: { user_name: accept({ name: 'Alice' }) },
      requestState: r1.requestState,
    });
    expect(r2).toEqual({
      resultType: 'task',
      taskId: ID1,
      status: 'working',
      createdAt: T0,
      lastUpdatedAt: T0,
      ttlMs: 3_600_000,
      pollIntervalMs: 1000,
      ...META,
    });
    expect(startedAs).toEqual([true]);
    await settle();
    // MRTR keys belong to the call before the task: inside the task user_name is a new key.
    expect((await get()).inputRequests).toEqual({ user_name: elicit('Again?') });
    await update({ user_name: accept({ name: 'Bob' }) });
    await settle();
    expect(((await get()).result as JsonObject).content).toEqual([
      { type: 'text', text: `Alice then Bob in ${ID1}` },
    ]);
  });

  test('without the extension startTask() resolves false and the call stays plain', async () => {
    expect(await call('maybe', {}, {})).toEqual({
      resultType: 'complete',
      content: [{ type: 'text', text: 'task: none' }],
      ...META,
    });
    expect(startedAs).toEqual([false]);
    expect((await failure(server, 'tools/call', { name: 'later', arguments: {} })).code).toBe(
      -32021,
    );
  });
});
