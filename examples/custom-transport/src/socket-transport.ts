import type { Socket } from 'node:net';
import { parseMessage, serializeMessage, type Transport } from '@mcpkit/core';

/**
 * MCP over any stream socket, one JSON message per line. This is the whole contract:
 * decode what arrives (answering what cannot be decoded), hand it to the sink, write what is sent.
 */
export function socketTransport(socket: Socket): Transport {
  return {
    start(sink) {
      let buffered = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        buffered += chunk;
        for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
          const line = buffered.slice(0, end);
          buffered = buffered.slice(end + 1);
          const decoded = parseMessage(line);
          if (decoded.ok) sink.message(decoded.message);
          else socket.write(`${serializeMessage(decoded.error)}\n`);
        }
      });
      socket.on('error', (error) => sink.error(error));
      socket.on('close', () => sink.close());
    },
    send(message) {
      socket.write(`${serializeMessage(message)}\n`);
    },
    close() {
      socket.end();
    },
  };
}
