import {
  type JsonRpcMessage,
  parseMessage,
  serializeMessage,
  type Transport,
  type TransportSink,
} from '@mcpkit/core';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { Agent, fetch as undiciFetch } from 'undici';

/** @deprecated A fetch implementation for the legacy SSE client: web-standard input and init. */
export type FetchLike = (input: string | URL, init: RequestInit) => Promise<Response>;

/** @deprecated Legacy HTTP+SSE is for old peers only. */
export interface SseClientTransportOptions {
  /** sent with the GET and every POST (e.g. `authorization`) */
  headers?: Readonly<Record<string, string>>;
  /** a custom fetch; the default is undici's with no body timeout on the long-lived stream */
  fetch?: FetchLike;
  /** ms to wait for the `endpoint` event (default 10 000) */
  endpointTimeoutMs?: number;
}

/**
 * Connect to a legacy HTTP+SSE server (2024-11-05): GET the event stream, wait for the
 * `endpoint` event (same origin only), then POST each message there.
 * @deprecated For old peers only; prefer `httpClientTransport` from @mcpkit/http.
 * @example
 * const session = createSession({ transport: sseClientTransport('http://127.0.0.1:8000/sse') });
 */
export function sseClientTransport(
  url: string | URL,
  options: SseClientTransportOptions = {},
): Transport {
  const sseUrl = new URL(url);
  const { headers = {}, endpointTimeoutMs = 10_000 } = options;
  const aborter = new AbortController();
  let agent: Agent | undefined;
  let doFetch = options.fetch;
  if (!doFetch) {
    // The event stream may sit idle for long: no body timeout on it.
    const dispatcher = new Agent({ bodyTimeout: 0 });
    agent = dispatcher;
    doFetch = (input, init) =>
      undiciFetch(input, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
  }
  const fetchFn = doFetch;
  let sink: TransportSink | undefined;
  let endpoint: URL | undefined;
  let closed = false;

  const finish = (reason?: Error): void => {
    if (closed) return;
    closed = true;
    aborter.abort();
    agent?.close().catch(() => {});
    sink?.close(reason);
  };

  const readStream = async (
    body: ReadableStream<Uint8Array>,
    onEvent: (event: EventSourceMessage) => void,
  ): Promise<void> => {
    const parser = createParser({ onEvent });
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      finish(new Error('SSE stream closed by the server'));
    } catch (error) {
      finish(
        closed
          ? undefined
          : new Error(`SSE stream failed: ${(error as Error).message}`, { cause: error }),
      );
    }
  };

  /** GET the stream and resolve once the endpoint event has arrived. */
  const connect = async (): Promise<void> => {
    let response: Response;
    try {
      response = await fetchFn(sseUrl, {
        headers: { ...headers, accept: 'text/event-stream' },
        signal: aborter.signal,
      });
    } catch (error) {
      throw new Error(`SSE connection to ${sseUrl} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      await response.body?.cancel().catch(() => {});
      throw new Error(
        `SSE connection to ${sseUrl} failed: HTTP ${response.status}${type ? ` (${type})` : ''}`,
      );
    }
    const body = response.body;
    await new Promise<void>((resolve, reject) => {
      void readStream(body, (event) => {
        if (event.event === 'endpoint') {
          if (endpoint) return;
          const target = new URL(event.data.trim(), sseUrl);
          if (target.origin !== sseUrl.origin) {
            reject(
              new Error(`Refusing endpoint ${target} on a different origin than ${sseUrl.origin}`),
            );
            return;
          }
          endpoint = target;
          resolve();
        } else if (event.event === undefined || event.event === 'message') {
          const decoded = parseMessage(event.data);
          if (decoded.ok) sink?.message(decoded.message);
          else sink?.error(new Error(`Undecodable SSE message: ${decoded.error.error.message}`));
        }
      }).finally(() =>
        reject(new Error(`SSE stream from ${sseUrl} ended before the endpoint event`)),
      );
    });
  };

  return {
    async start(s) {
      if (sink) throw new Error('SSE transport already started');
      sink = s;
      // One deadline covers connecting and the endpoint event: a peer may hold back headers too.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`No endpoint event from ${sseUrl} within ${endpointTimeoutMs} ms`)),
          endpointTimeoutMs,
        );
      });
      try {
        await Promise.race([connect(), deadline]);
      } catch (error) {
        finish(error as Error);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },

    async send(message: JsonRpcMessage) {
      if (closed || !endpoint) throw new Error('SSE transport is not open');
      const response = await fetchFn(endpoint, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: serializeMessage(message),
        signal: aborter.signal,
      });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`POST ${endpoint} failed: HTTP ${response.status} ${text}`.trim());
    },

    close() {
      finish();
    },
  };
}
