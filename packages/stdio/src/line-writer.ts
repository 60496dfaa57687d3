import type { Writable } from 'node:stream';
import { type JsonRpcMessage, serializeMessage } from '@mcpkit/core';

interface Queued {
  data: string;
  resolve(): void;
  reject(error: Error): void;
}

export interface LineWriterOptions {
  /**
   * Write the first message of a tick at once, and gather the ones that follow it in the
   * same tick into one write on `process.nextTick` (default false: one write per message).
   * A write to a pipe is a system call, and one per message was the largest single cost
   * of a stdio server under load; batching also hands the peer fewer, fuller reads. A lone
   * message (the usual case at low load) still goes out at once.
   */
  batch?: boolean;
}

/**
 * Writes one JSON message per line and honours backpressure: once the stream's `write()`
 * returns false, later messages wait in a queue until 'drain', and their `write` promise
 * resolves when they are handed to the stream.
 * @example const out = new LineWriter(process.stdout); out.write({ jsonrpc: '2.0', method: 'x' });
 */
export class LineWriter {
  private readonly stream: Writable;
  private readonly batch: boolean;
  /** lines written after the first of this tick, not yet handed to the stream (batch mode) */
  private pending = '';
  /** a message was written this tick: later ones are gathered (batch mode) */
  private tickOpen = false;
  // A head index instead of shift(): draining a long queue stays linear.
  private queue: (Queued | undefined)[] = [];
  private head = 0;
  private waiting = false;
  private failure: Error | undefined;

  constructor(stream: Writable, options: LineWriterOptions = {}) {
    this.stream = stream;
    this.batch = options.batch ?? false;
  }

  /** messages waiting for 'drain' */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /**
   * Returns nothing when accepted at once (written, or in batch mode gathered for this
   * tick's write), a promise when queued behind backpressure.
   */
  write(message: JsonRpcMessage): void | Promise<void> {
    if (this.failure) throw this.failure;
    const data = `${serializeMessage(message)}\n`;
    if (this.waiting) {
      return new Promise<void>((resolve, reject) => this.queue.push({ data, resolve, reject }));
    }
    if (this.batch) {
      if (this.tickOpen) {
        this.pending += data;
        return;
      }
      this.tickOpen = true;
      process.nextTick(this.flushTick);
    }
    if (!this.stream.write(data)) this.waitForDrain();
  }

  /** Hand the lines gathered this tick to the stream now (before ending it, or exiting). */
  flush(): void {
    if (this.pending === '' || this.failure) return;
    const data = this.pending;
    this.pending = '';
    if (!this.stream.write(data)) this.waitForDrain();
  }

  /** Fail every queued message and refuse new ones (the stream is gone). */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.pending = '';
    const rest = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    for (const item of rest) item?.reject(error);
    this.stream.off('drain', this.drainQueue);
  }

  private readonly flushTick = (): void => {
    this.tickOpen = false;
    this.flush();
  };

  private waitForDrain(): void {
    this.waiting = true;
    this.stream.once('drain', this.drainQueue);
  }

  private readonly drainQueue = (): void => {
    this.waiting = false;
    while (this.head < this.queue.length) {
      const item = this.queue[this.head] as Queued;
      this.queue[this.head++] = undefined; // written: let it be collected
      const ok = this.stream.write(item.data);
      item.resolve();
      if (!ok) {
        this.waitForDrain();
        return;
      }
    }
    this.queue = [];
    this.head = 0;
  };
}
