import { ErrorCode, McpError } from './errors.js';
import type { JsonObject } from './jsonrpc.js';
import type { InboundRequest } from './request-context.js';
import type { RequestHandler } from './session.js';

/** A method → handler table. */
export type DispatchTable = Readonly<Record<string, RequestHandler | undefined>>;

/**
 * Turn a table into one request handler; unknown methods answer -32601.
 * @example createSession({ transport, onRequest: createDispatcher({ ping: () => ({}) }) })
 */
export function createDispatcher(table: DispatchTable): RequestHandler {
  const handlers = new Map(
    Object.entries(table).filter((e): e is [string, RequestHandler] => !!e[1]),
  );
  return (request: InboundRequest): JsonObject | Promise<JsonObject> => {
    const handler = handlers.get(request.method);
    if (!handler)
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${request.method}`);
    return handler(request);
  };
}
