import type { JsonRpcMessage } from './jsonrpc.js';
import type { Transport, TransportSink } from './transport.js';

export interface MemoryTransportOptions {
  /** round-trip every message through JSON, as a real wire would (default false: fastest) */
  serialize?: boolean;
}

/**
 * Two linked in-memory transports: what one sends, the other receives on a later microtask.
 * @example const [clientSide, serverSide] = createMemoryTransportPair();
 */
export function createMemoryTransportPair(
  options: MemoryTransportOptions = {},
): [Transport, Transport] {
  const a = endpoint(options);
  const b = endpoint(options);
  a.peer = b;
  b.peer = a;
  return [a.transport, b.transport];
}

interface Endpoint {
  transport: Transport;
  peer?: Endpoint;
  deliver(message: JsonRpcMessage): void;
  end(): void;
}

function endpoint({ serialize = false }: MemoryTransportOptions): Endpoint {
  let sink: TransportSink | undefined;
  let closed = false;
  // Messages sent before the peer starts are held, not lost.
  const backlog: JsonRpcMessage[] = [];
  const self: Endpoint = {
    deliver(message) {
      if (closed) return;
      if (!sink) backlog.push(message);
      else queueMicrotask(() => sink?.message(message));
    },
    end() {
      if (closed) return;
      closed = true;
      const s = sink;
      queueMicrotask(() => s?.close());
    },
    transport: {
      start(s) {
        sink = s;
        for (const m of backlog.splice(0)) self.deliver(m);
      },
      send(message) {
        if (closed) throw new Error('Transport closed');
        self.peer?.deliver(serialize ? JSON.parse(JSON.stringify(message)) : message);
      },
      close() {
        if (closed) return;
        self.end();
        self.peer?.end();
      },
    },
  };
  return self;
}
