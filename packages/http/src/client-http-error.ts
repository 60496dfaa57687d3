import { type JsonRpcErrorResponse, McpError, type RequestId } from '@mcpkit/core';

/** An HTTP-level failure of the Streamable HTTP client; `code` mirrors a JSON-RPC body when there was one. */
export class HttpError extends McpError {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    options: { code?: number; data?: unknown; body?: string } = {},
  ) {
    super(options.code ?? -32000, message, options.data);
    this.body = options.body;
  }
  readonly body: string | undefined;
}

/**
 * Turn a non-2xx answer into what the caller should see: the server's JSON-RPC error
 * for this very request (delivered like any response, so e.g. -32022 reaches the client
 * with its data), or an HttpError.
 */
export async function readHttpFailure(
  res: Response,
  requestId: RequestId | undefined,
  sentSession: string | undefined,
): Promise<HttpError | JsonRpcErrorResponse> {
  const body = await res.text().catch(() => '');
  if (res.status === 404 && sentSession !== undefined) {
    return new HttpError(
      404,
      `Session ${sentSession} is unknown to the server (HTTP 404): it expired or was terminated; start a new session with initialize`,
      { body },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const error = (parsed as JsonRpcErrorResponse | undefined)?.error;
  if (typeof error?.code === 'number' && typeof error.message === 'string') {
    const id = (parsed as JsonRpcErrorResponse).id;
    if (requestId !== undefined && id === requestId) return parsed as JsonRpcErrorResponse;
    return new HttpError(res.status, `HTTP ${res.status}: ${error.message}`, {
      code: error.code,
      data: error.data,
      body,
    });
  }
  return new HttpError(
    res.status,
    `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
    { body },
  );
}
