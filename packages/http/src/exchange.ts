/**
 * The small request/response shape the Streamable HTTP logic works on. The web
 * (`Request`/`Response`) and node:http adapters each fill it in a few lines, so
 * the protocol logic never touches either API and Node never builds web objects.
 */

/** One inbound HTTP request. */
export interface HttpExchangeRequest {
  /** upper-case HTTP method */
  readonly method: string;
  /** header names lower-cased; repeated headers joined with ', ' */
  readonly headers: Readonly<Record<string, string>>;
  /** a body some framework already parsed (e.g. `express.json()`); skips reading */
  readonly parsedBody?: unknown;
  /** authentication facts a framework attached (passed on as `MessageInfo.auth`) */
  readonly auth?: unknown;
  /** read the body as UTF-8 text; rejects with `BodyTooLargeError` past `limit` bytes */
  readBody(limit: number): Promise<string>;
}

/** The open half of an event-stream response. Writes after `end()` are ignored. */
export interface ResponseStream {
  write(chunk: string): void;
  end(): void;
}

/** How the logic answers one request: exactly one `send` or `stream` call. */
export interface HttpExchangeResponse {
  send(status: number, headers: Record<string, string>, body?: string): void;
  stream(status: number, headers: Record<string, string>): ResponseStream;
  /** `callback` runs once if the client goes away before the response ended */
  onDisconnect(callback: () => void): void;
}

/** The request body went past the configured limit (answered 413). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
  }
}
