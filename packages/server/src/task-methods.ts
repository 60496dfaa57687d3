import {
  ErrorCode,
  type JsonObject,
  McpError,
  methodNotFound,
  type ServerCapabilities,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import { runMiddleware } from './middleware.js';
import type { ServerCore } from './server-core.js';
import { declaresTasks, missingTasksCapability, offersTasks } from './task-manager.js';
import { TASKS_EXTENSION } from './task-types.js';

/**
 * Served only by servers that offer tasks (-32601 otherwise), and only to requests that declare
 * the extension (-32021 otherwise, before the task id is even looked at).
 */
function taskMethod(serve: (ctx: RequestContext, taskId: string) => Promise<JsonObject>) {
  return (ctx: RequestContext) =>
    runMiddleware(ctx, '', () => {
      if (!offersTasks(ctx.server)) throw methodNotFound(ctx.method);
      if (!declaresTasks(ctx)) throw missingTasksCapability(ctx.method);
      const taskId = ctx.params.taskId;
      if (typeof taskId !== 'string') {
        throw new McpError(ErrorCode.InvalidParams, `Invalid params: ${ctx.method} needs a taskId`);
      }
      return serve(ctx, taskId);
    });
}

/** `tasks/get`, `tasks/update`, `tasks/cancel` (SEP-2663; `tasks/result` and `tasks/list` are gone). */
export const taskMethods = {
  'tasks/get': taskMethod((ctx, taskId) => ctx.server.tasks.get(ctx, taskId)),
  'tasks/update': taskMethod((ctx, taskId) => {
    const responses = ctx.params.inputResponses;
    if (typeof responses !== 'object' || responses === null || Array.isArray(responses)) {
      throw new McpError(
        ErrorCode.InvalidParams,
        'Invalid params: tasks/update needs an inputResponses object',
      );
    }
    return ctx.server.tasks.update(ctx, taskId, responses as JsonObject);
  }),
  'tasks/cancel': taskMethod((ctx, taskId) => ctx.server.tasks.cancel(ctx, taskId)),
};

/** server/discover's capabilities: the tasks extension is declared when tasks are offered. */
export function withTasksExtension(server: ServerCore, caps: ServerCapabilities) {
  if (offersTasks(server)) caps.extensions = { ...caps.extensions, [TASKS_EXTENSION]: {} };
  return caps;
}
