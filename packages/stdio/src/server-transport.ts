import type { Readable, Writable } from 'node:stream';
import type { JsonRpcMessage, Transport, TransportSink } from '@mcpkit/core';
import { LineChannel } from './line-channel.js';

export interface StdioServerTransportOptions {
  /** where messages arrive (default `process.stdin`) */
  stdin?: Readable;
  /** where messages go (default `process.stdout`); carries protocol only */
  stdout?: Writable;
  /** byte limit for one line (default 16 MiB); longer lines are discarded and answered -32600 */
  maxLineBytes?: number;
}

/**
 * The server side of stdio: newline-delimited JSON-RPC on stdin/stdout.
 * The end of stdin closes the transport. Streams are borrowed, never ended or destroyed:
 * `close()` only stops reading, so the process can exit once nothing else holds it.
 * @example
 * const connection = await server.connect(stdioServerTransport());
 */
export function stdioServerTransport(options: StdioServerTransportOptions = {}): Transport {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const channel = new LineChannel(stdin, stdout, options.maxLineBytes);
  let sink: TransportSink | undefined;
  let closed = false;

  const finish = (reason?: Error): void => {
    if (closed) return;
    closed = true;
    const dropped = channel.detach();
    stdin.off('end', onEnd);
    stdin.off('error', onInputError);
    stdout.off('error', onOutputError);
    stdin.pause();
    if (dropped > 0) sink?.error(new Error(`stdin ended inside a line; ${dropped} bytes dropped`));
    sink?.close(reason);
  };
  const onEnd = (): void => finish();
  const onInputError = (error: Error): void => finish(error);
  const onOutputError = (error: Error): void => {
    channel.writer.fail(error);
    finish(error);
  };

  return {
    start(s) {
      if (sink) throw new Error('stdio transport already started');
      if (closed) throw new Error('stdio transport is closed');
      sink = s;
      stdin.on('end', onEnd);
      stdin.on('error', onInputError);
      stdout.on('error', onOutputError);
      channel.attach(s);
      stdin.resume();
    },
    send(message: JsonRpcMessage) {
      if (closed) throw new Error('stdio transport is closed');
      return channel.writer.write(message);
    },
    close() {
      finish();
    },
  };
}
