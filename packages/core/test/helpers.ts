import {
  createMemoryTransportPair,
  createSession,
  type JsonRpcMessage,
  type Session,
  type SessionOptions,
  type Transport,
  type TransportSink,
} from '@mcpkit/core';

/** Two started sessions over an in-memory pair. */
export async function sessionPair(
  server: Omit<SessionOptions, 'transport'> = {},
  client: Omit<SessionOptions, 'transport'> = {},
): Promise<{ client: Session; server: Session; [Symbol.asyncDispose](): Promise<void> }> {
  const [a, b] = createMemoryTransportPair({ serialize: true });
  const s = createSession({ ...server, transport: b });
  const c = createSession({ ...client, transport: a });
  await s.start();
  await c.start();
  return {
    client: c,
    server: s,
    async [Symbol.asyncDispose]() {
      await c.close();
      await s.close();
    },
  };
}

/** A transport that records what is sent and lets a test inject inbound messages. */
export function scriptedTransport() {
  const sent: JsonRpcMessage[] = [];
  let sink: TransportSink | undefined;
  const transport: Transport = {
    start(s) {
      sink = s;
    },
    send(message) {
      sent.push(message);
    },
    close() {
      sink?.close();
    },
  };
  return {
    transport,
    sent,
    inject(message: unknown) {
      sink?.message(message as JsonRpcMessage);
    },
    drop(reason?: Error) {
      sink?.close(reason);
    },
  };
}

export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
