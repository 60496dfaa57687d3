import { type CallToolResult, ErrorCode, McpError } from '@mcpkit/core';
import { isPublicError } from './errors.js';
import type { ServerCore } from './server-core.js';
import type { ErrorInfo } from './types.js';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** What failed, in words: `calling tool x`, `reading resource u`, `handling m`. */
export function describeFailure(method: string, name: string | undefined): string {
  switch (method) {
    case 'tools/call':
      return `calling tool ${name}`;
    case 'resources/read':
      return `reading resource ${name}`;
    case 'prompts/get':
      return `getting prompt ${name}`;
    default:
      return `handling ${method}`;
  }
}

/** The default `onError`: masked errors go to stderr, since the client never sees them. */
export function logMaskedError(error: unknown, info: ErrorInfo): void {
  if (!info.masked) return;
  const what =
    info.method === 'tools/call' ? `tool ${info.name}` : describeFailure(info.method, info.name);
  console.error(`mcpkit: ${what} failed:`, error);
}

/** `onError` (default {@link logMaskedError}) made safe: a throwing reporter changes no answer. */
export function errorReporter(
  onError: ((error: unknown, info: ErrorInfo) => void) | undefined,
): (error: unknown, info: ErrorInfo) => void {
  const report = onError ?? logMaskedError;
  return (error, info) => {
    try {
      report(error, info);
    } catch (failure) {
      console.error('mcpkit: onError threw:', failure);
    }
  };
}

/**
 * A tool failure as a result the model reads. Protocol errors (McpError) stay protocol errors;
 * ToolError messages always show; others are masked with `maskErrorDetails`.
 */
export function toolErrorResult(server: ServerCore, error: unknown, tool: string): CallToolResult {
  if (error instanceof McpError) throw error;
  let text: string;
  if (isPublicError(error)) {
    text = messageOf(error);
  } else {
    const masked = server.maskErrorDetails;
    server.reportError(error, { method: 'tools/call', name: tool, masked });
    text = masked ? `Error calling tool ${tool}` : messageOf(error);
  }
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * Any other request's failure as a protocol error: McpError as is, ResourceError/PromptError
 * messages as -32603 with their data, other errors masked with `maskErrorDetails`.
 */
export function toProtocolError(
  server: ServerCore,
  error: unknown,
  method: string,
  name: string | undefined,
): McpError {
  if (error instanceof McpError) return error;
  if (isPublicError(error)) return new McpError(ErrorCode.InternalError, error.message, error.data);
  const masked = server.maskErrorDetails;
  server.reportError(error, { method, name, masked });
  if (masked) {
    return new McpError(ErrorCode.InternalError, `Error ${describeFailure(method, name)}`);
  }
  return new McpError(ErrorCode.InternalError, messageOf(error) || 'Internal error');
}
