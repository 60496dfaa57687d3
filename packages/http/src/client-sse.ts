import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface SseCallbacks {
  event(event: EventSourceMessage): void;
  retry(ms: number): void;
}

/**
 * Feed an event-stream body to the callbacks until it ends. Resolves on a clean end,
 * rejects when the connection breaks or is aborted.
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  callbacks: SseCallbacks,
): Promise<void> {
  const parser = createParser({ onEvent: callbacks.event, onRetry: callbacks.retry });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
