import type { ResponseStream } from './exchange.js';

/** Headers of every event-stream response. */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  // Tells nginx-style proxies not to buffer the stream.
  'x-accel-buffering': 'no',
} as const;

/** Encode one `message` event. JSON text never holds a raw newline, so one data line suffices. */
export const sseMessage = (data: string, id?: string): string =>
  id === undefined
    ? `event: message\ndata: ${data}\n\n`
    : `event: message\nid: ${id}\ndata: ${data}\n\n`;

/** The priming event: an id and empty data, plus the reconnection delay for polling clients. */
export const ssePriming = (id: string, retryMs: number): string =>
  `id: ${id}\nretry: ${retryMs}\ndata: \n\n`;

/** Writes events to one open stream and keeps idle proxies from cutting it. */
export class SseWriter {
  private timer: ReturnType<typeof setInterval> | undefined;
  private ended = false;

  constructor(
    private readonly stream: ResponseStream,
    keepAliveMs: number,
  ) {
    if (keepAliveMs > 0) {
      this.timer = setInterval(() => this.stream.write(': keep-alive\n\n'), keepAliveMs);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  get open(): boolean {
    return !this.ended;
  }

  write(chunk: string): void {
    if (!this.ended) this.stream.write(chunk);
  }

  end(): void {
    if (this.ended) return;
    this.stop();
    this.stream.end();
  }

  /** the client went away: stop timers, write nothing more */
  detach(): void {
    this.stop();
  }

  private stop(): void {
    this.ended = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
