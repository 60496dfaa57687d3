import type { JsonRpcMessage } from '@mcpkit/core';

/**
 * Where handshake-era SSE events are kept so a client can resume with `Last-Event-ID`.
 * Implement it over Redis or a database to resume across restarts or instances.
 */
export interface EventStore {
  /**
   * Keep `message` for `streamId` and return its event id (unique across all streams).
   * `null` is a priming event: store it so replay can start after it; replay never sends it.
   */
  storeEvent(streamId: string, message: JsonRpcMessage | null): string | Promise<string>;
  /**
   * Send, in order, the messages stored on the same stream after `lastEventId`.
   * Returns that stream's id, or undefined when the event is unknown or expired.
   */
  replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, message: JsonRpcMessage) => void | Promise<void>,
  ): string | undefined | Promise<string | undefined>;
  /** forget a stream (its session ended) */
  removeStream?(streamId: string): void | Promise<void>;
}

export interface MemoryEventStoreOptions {
  /** events kept per stream; older ones are dropped (default 1000) */
  maxEventsPerStream?: number;
  /** streams kept; the least recently written is dropped (default 1000) */
  maxStreams?: number;
}

interface Stored {
  seq: number;
  message: JsonRpcMessage | null;
}

/**
 * A bounded in-memory `EventStore` (the default). Event ids are `<streamId>#<seq>`.
 * @example createHttpHandler(server, { eventStore: createMemoryEventStore({ maxStreams: 100 }) })
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): EventStore {
  const maxEvents = options.maxEventsPerStream ?? 1000;
  const maxStreams = options.maxStreams ?? 1000;
  const streams = new Map<string, Stored[]>();
  let seq = 0;

  return {
    storeEvent(streamId, message) {
      let events = streams.get(streamId);
      if (events) {
        // Re-insert so Map order tracks recency and eviction drops the stalest stream.
        streams.delete(streamId);
      } else {
        events = [];
      }
      streams.set(streamId, events);
      if (streams.size > maxStreams) streams.delete(streams.keys().next().value as string);
      const entry: Stored = { seq: ++seq, message };
      events.push(entry);
      if (events.length > maxEvents) events.shift();
      return `${streamId}#${entry.seq}`;
    },
    async replayEventsAfter(lastEventId, send) {
      const hash = lastEventId.lastIndexOf('#');
      if (hash < 0) return undefined;
      const streamId = lastEventId.slice(0, hash);
      const after = Number(lastEventId.slice(hash + 1));
      const events = streams.get(streamId);
      if (!events || !Number.isSafeInteger(after)) return undefined;
      for (const event of events.slice()) {
        if (event.seq > after && event.message !== null)
          await send(`${streamId}#${event.seq}`, event.message);
      }
      return streamId;
    },
    removeStream(streamId) {
      streams.delete(streamId);
    },
  };
}
