import { decodeMessage, isRequest, type JsonRpcMessage } from '@mcpkit/core';
import type { HttpSession } from './http-session.js';

/** The messages of a batch, or why it is refused (batches exist only in 2025-03-26). */
export function readBatch(
  session: HttpSession,
  values: unknown[],
): JsonRpcMessage[] | { message: string } {
  if (session.protocolVersion !== '2025-03-26') {
    return { message: 'Invalid Request: batches are accepted only on 2025-03-26 sessions' };
  }
  if (values.length === 0) return { message: 'Invalid Request: empty batch' };
  const messages: JsonRpcMessage[] = [];
  for (const value of values) {
    const decoded = decodeMessage(value);
    if (!decoded.ok) return { message: decoded.error.error.message };
    if (isRequest(decoded.message) && decoded.message.method === 'initialize') {
      return { message: 'Invalid Request: initialize cannot be batched' };
    }
    messages.push(decoded.message);
  }
  return messages;
}
