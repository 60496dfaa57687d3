import { type CallToolResult, ErrorCode, McpError } from '@mcpkit/core';
import { isPublicError } from './errors.js';
import type { ServerCore } from './server-core.js';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * A tool failure as a result the model reads. Protocol errors (McpError) stay protocol errors;
 * ToolError messages always show; others are masked with `maskErrorDetails`.
 */
export function toolErrorResult(server: ServerCore, error: unknown, tool: string): CallToolResult {
  if (error instanceof McpError) throw error;
  let text: string;
  if (isPublicError(error) || !server.maskErrorDetails) {
    text = messageOf(error);
  } else {
    console.error(`mcpkit: tool ${tool} failed:`, error);
    text = `Error calling tool ${tool}`;
  }
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * Any other request's failure as a protocol error: McpError as is, ResourceError/PromptError
 * messages as -32603 with their data, other errors masked with `maskErrorDetails`.
 */
export function toProtocolError(server: ServerCore, error: unknown, what: string): McpError {
  if (error instanceof McpError) return error;
  if (isPublicError(error)) return new McpError(ErrorCode.InternalError, error.message, error.data);
  if (server.maskErrorDetails) {
    console.error(`mcpkit: ${what} failed:`, error);
    return new McpError(ErrorCode.InternalError, `Error ${what}`);
  }
  return new McpError(ErrorCode.InternalError, messageOf(error) || 'Internal error');
}
