import {
  type JsonRpcMessage,
  type MessageInfo,
  serializeMessage,
  type Transport,
  type TransportSink,
} from '@mcpkit/core';

const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

/** One legacy SSE connection: the GET event stream plus the transport the server is given. */
export interface SseSession {
  readonly id: string;
  /** the GET response body: `endpoint` first, then one `message` event per outbound message */
  readonly stream: ReadableStream<Uint8Array>;
  readonly transport: Transport;
  /** hand an inbound (POSTed) message to the server; false once the session is gone */
  deliver(message: JsonRpcMessage, info: MessageInfo): boolean;
  /** the client went away: close the server's session */
  end(): void;
}

export interface SseSessionOptions {
  id: string;
  /** the `endpoint` event's data: where the client POSTs */
  endpoint: string;
  /** comment line sent on an idle stream, in ms; 0 disables */
  keepAliveMs: number;
  /** called once when the session is gone, whoever ended it */
  onGone(id: string): void;
}

/** Create the event stream and transport of one legacy SSE session. */
export function createSseSession(options: SseSessionOptions): SseSession {
  const { id, onGone } = options;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let sink: TransportSink | undefined;
  let gone = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const finish = (closeStream: boolean): void => {
    if (gone) return;
    gone = true;
    if (timer !== undefined) clearInterval(timer);
    if (closeStream) {
      try {
        controller.close();
      } catch {
        // already cancelled by the reader
      }
    }
    sink?.close();
    onGone(id);
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(`event: endpoint\ndata: ${options.endpoint}\n\n`));
    },
    cancel() {
      finish(false);
    },
  });

  if (options.keepAliveMs > 0) {
    timer = setInterval(() => {
      if (!gone) controller.enqueue(KEEP_ALIVE);
    }, options.keepAliveMs);
    // Runtimes with unref (Node, Bun, Deno) should not stay alive for a keep-alive tick.
    (timer as { unref?: () => void }).unref?.();
  }

  const transport: Transport = {
    start(s) {
      sink = s;
    },
    send(message) {
      if (gone) throw new Error('SSE session is closed');
      // JSON.stringify escapes newlines, so one `data:` line always holds the message.
      controller.enqueue(encoder.encode(`event: message\ndata: ${serializeMessage(message)}\n\n`));
    },
    close() {
      finish(true);
    },
  };

  return {
    id,
    stream,
    transport,
    deliver(message, info) {
      if (gone || !sink) return false;
      sink.message(message, info);
      return true;
    },
    end() {
      finish(true);
    },
  };
}
