import type { JsonRpcMessage } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../src/event-store.js';

const msg = (n: number): JsonRpcMessage => ({ jsonrpc: '2.0', method: 'n', params: { n } });

async function replay(store: ReturnType<typeof createMemoryEventStore>, id: string) {
  const sent: Array<[string, JsonRpcMessage]> = [];
  const streamId = await store.replayEventsAfter(id, (eventId, message) => {
    sent.push([eventId, message]);
  });
  return { streamId, sent };
}

describe('createMemoryEventStore', () => {
  it('replays only the same stream, after the given event, skipping priming events', async () => {
    const store = createMemoryEventStore();
    const prime = await store.storeEvent('s1', null);
    const a = await store.storeEvent('s1', msg(1));
    await store.storeEvent('s2', msg(99));
    const b = await store.storeEvent('s1', msg(2));
    expect(await replay(store, prime)).toEqual({
      streamId: 's1',
      sent: [
        [a, msg(1)],
        [b, msg(2)],
      ],
    });
    expect(await replay(store, a)).toEqual({ streamId: 's1', sent: [[b, msg(2)]] });
    expect(await replay(store, b)).toEqual({ streamId: 's1', sent: [] });
  });

  it('returns undefined for unknown or malformed ids', async () => {
    const store = createMemoryEventStore();
    await store.storeEvent('s1', msg(1));
    expect(await replay(store, 'nope')).toEqual({ streamId: undefined, sent: [] });
    expect(await replay(store, 'other#1')).toEqual({ streamId: undefined, sent: [] });
    expect(await replay(store, 's1#x')).toEqual({ streamId: undefined, sent: [] });
  });

  it('is bounded per stream and in streams, and forgets removed streams', async () => {
    const store = createMemoryEventStore({ maxEventsPerStream: 2, maxStreams: 2 });
    const first = await store.storeEvent('s1', msg(1));
    await store.storeEvent('s1', msg(2));
    const third = await store.storeEvent('s1', msg(3));
    expect((await replay(store, first)).sent.map(([, m]) => m)).toEqual([msg(2), msg(3)]);
    await store.storeEvent('s2', msg(1));
    await store.storeEvent('s3', msg(1));
    expect((await replay(store, third)).streamId).toBe(undefined);
    const s3 = await store.storeEvent('s3', msg(2));
    store.removeStream?.('s3');
    expect((await replay(store, s3)).streamId).toBe(undefined);
  });
});
