import {
  type CreateMessageParams,
  type ElicitRequestParams,
  ErrorCode,
  type JsonObject,
  McpError,
} from '@mcpkit/core';
import { applyElicitationDefaults } from './elicitation-defaults.js';
import type { ClientHandlers, HandlerContext } from './handlers.js';

/**
 * Answer one server→client request with the app's handlers. The handshake era
 * calls it for real requests, the stateless era for each MRTR input request.
 */
export async function answerInputRequest(
  handlers: ClientHandlers,
  method: string,
  params: JsonObject | undefined,
  ctx: HandlerContext,
): Promise<JsonObject> {
  switch (method) {
    case 'sampling/createMessage': {
      if (!handlers.sampling) throw missingHandler(method, 'sampling');
      const result = await handlers.sampling(params as unknown as CreateMessageParams, ctx);
      return result as unknown as JsonObject;
    }
    case 'elicitation/create': {
      if (!handlers.elicitation) throw missingHandler(method, 'elicitation');
      const request = params as unknown as ElicitRequestParams;
      const result = await handlers.elicitation(request, ctx);
      return applyElicitationDefaults(request, result) as unknown as JsonObject;
    }
    case 'roots/list': {
      const roots = handlers.roots;
      if (!roots) throw missingHandler(method, 'roots');
      const list = typeof roots === 'function' ? await roots(ctx) : roots;
      return { roots: [...list] };
    }
    default:
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
  }
}

const missingHandler = (method: string, handler: string): McpError =>
  new McpError(
    ErrorCode.MethodNotFound,
    `Method not found: ${method} (the client was given no ${handler} handler)`,
  );
