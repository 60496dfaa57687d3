import type { Readable, Writable } from 'node:stream';
import {
  ErrorCode,
  errorResponse,
  type JsonRpcErrorResponse,
  parseMessage,
  type TransportSink,
} from '@mcpkit/core';
import { LineFramer } from './line-framer.js';
import { LineWriter } from './line-writer.js';

/**
 * The framing both stdio sides share: read lines from `input`, decode each with core's
 * `parseMessage`, answer undecodable or over-long lines on `output` and keep going.
 */
export class LineChannel {
  readonly writer: LineWriter;
  private readonly framer: LineFramer;
  private readonly input: Readable;
  private sink: TransportSink | undefined;

  constructor(input: Readable, output: Writable, maxLineBytes?: number) {
    this.input = input;
    this.writer = new LineWriter(output, { batch: true });
    this.framer = new LineFramer({
      maxLineBytes,
      onLine: (line) => this.line(line),
      onOverflow: (limit) => this.reject(limit),
    });
  }

  /** start delivering decoded messages to `sink` */
  attach(sink: TransportSink): void {
    this.sink = sink;
    this.input.on('data', this.data);
  }

  /** stop reading (what was written is flushed); returns the bytes of an unterminated last line that were dropped */
  detach(): number {
    this.writer.flush();
    this.input.off('data', this.data);
    this.sink = undefined;
    return this.framer.end();
  }

  private readonly data = (chunk: Buffer | string): void => {
    this.framer.push(chunk);
  };

  private line(line: string): void {
    const decoded = parseMessage(line);
    if (decoded.ok) {
      this.sink?.message(decoded.message);
      return;
    }
    this.answer(decoded.error);
    this.sink?.error(new Error(`Undecodable line answered: ${decoded.error.error.message}`));
  }

  private reject(limit: number): void {
    const message = `Invalid Request: line exceeds the ${limit}-byte limit and was discarded`;
    this.answer(errorResponse(null, ErrorCode.InvalidRequest, message));
    this.sink?.error(new Error(message));
  }

  private answer(reply: JsonRpcErrorResponse): void {
    try {
      const pending = this.writer.write(reply);
      pending?.catch(() => {});
    } catch {
      // The output is gone; closing is reported by whoever watches the stream.
    }
  }
}
