import type { Writable } from 'node:stream';
import { type JsonRpcMessage, serializeMessage } from '@mcpkit/core';

interface Queued {
  data: string;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Writes one JSON message per line and honours backpressure: once `write()` returns
 * false, later messages wait in a queue until 'drain', and their `write` promise
 * resolves when they are handed to the stream.
 * @example const out = new LineWriter(process.stdout); out.write({ jsonrpc: '2.0', method: 'x' });
 */
export class LineWriter {
  private readonly stream: Writable;
  // A head index instead of shift(): draining a long queue stays linear.
  private queue: (Queued | undefined)[] = [];
  private head = 0;
  private waiting = false;
  private failure: Error | undefined;

  constructor(stream: Writable) {
    this.stream = stream;
  }

  /** messages waiting for 'drain' */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /** Returns nothing when written at once, a promise when queued behind backpressure. */
  write(message: JsonRpcMessage): void | Promise<void> {
    if (this.failure) throw this.failure;
    const data = `${serializeMessage(message)}\n`;
    if (!this.waiting) {
      if (!this.stream.write(data)) this.waitForDrain();
      return;
    }
    return new Promise<void>((resolve, reject) => this.queue.push({ data, resolve, reject }));
  }

  /** Fail every queued message and refuse new ones (the stream is gone). */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const rest = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    for (const item of rest) item?.reject(error);
    this.stream.off('drain', this.flush);
  }

  private waitForDrain(): void {
    this.waiting = true;
    this.stream.once('drain', this.flush);
  }

  private readonly flush = (): void => {
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
