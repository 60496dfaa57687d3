import type { JsonRpcMessage } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore, type EventStore } from '../src/event-store.js';
import { createHttpHandler, type HttpHandler } from '../src/web-handler.js';
import { createFakeServer } from './helpers/fake-server.js';
import { initialize, post, request, rpc, session } from './helpers/requests.js';
import { parseSse, sseMessages } from './helpers/sse.js';

let handler: HttpHandler;
afterEach(async () => {
  await handler?.close();
});

/** A store whose every call completes later, out of step with the writer. */
function slowStore(): EventStore & { stored: Array<JsonRpcMessage | null> } {
  const inner = createMemoryEventStore();
  const stored: Array<JsonRpcMessage | null> = [];
  const later = <T>(value: () => T, ms: number) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(value()), ms));
  let n = 0;
  return {
    stored,
    storeEvent(streamId, message) {
      stored.push(message);
      // Alternate delays so a naive writer would reorder events.
      return later(() => inner.storeEvent(streamId, message) as string, n++ % 2 === 0 ? 15 : 1);
    },
    replayEventsAfter: (id, send) =>
      later(() => inner.replayEventsAfter(id, send), 5).then((p) => p),
    removeStream: (id) => inner.removeStream?.(id),
  };
}

describe('HttpSession with an asynchronous event store', () => {
  it('keeps event order and ids when storing is slow', async () => {
    const store = slowStore();
    handler = createHttpHandler(createFakeServer(), { eventStore: store });
    const id = await initialize(handler);
    const res = await handler(
      post(rpc(1, 'tools/call', { name: 'progress', _meta: { progressToken: 't' } }), session(id)),
    );
    const events = parseSse(await res.text());
    expect(
      events.map((e) =>
        e.data === '' ? 'priming' : (JSON.parse(e.data).params?.progress ?? 'result'),
      ),
    ).toEqual(['priming', 1, 2, 3, 'result']);
    const seqs = events.map((e) => Number(e.id?.split('#')[1]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(store.stored.length).toBe(5);
  });

  it('resumes through the slow store, catching up on events stored during the replay', async () => {
    handler = createHttpHandler(createFakeServer(), { eventStore: slowStore(), retryMs: 10 });
    const id = await initialize(handler);
    const res = await handler(post(rpc(2, 'tools/call', { name: 'reconnect' }), session(id)));
    const [priming] = parseSse(await res.text());
    const resumed = await handler(
      request('GET', {
        ...session(id),
        accept: 'text/event-stream',
        'last-event-id': priming?.id ?? '',
      }),
    );
    expect(sseMessages(await resumed.text())).toEqual([
      { jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'after reconnect' }] } },
    ]);
  });

  it('GET needs text/event-stream in Accept (406) and a session id (400)', async () => {
    handler = createHttpHandler(createFakeServer());
    const id = await initialize(handler);
    const json = await handler(request('GET', { ...session(id), accept: 'application/json' }));
    expect(json.status).toBe(406);
    const none = await handler(request('GET', { accept: 'text/event-stream' }));
    expect(none.status).toBe(400);
  });

  it('without an event store, streams carry no ids and a GET gets what waited', async () => {
    handler = createHttpHandler(createFakeServer(), { eventStore: false });
    const id = await initialize(handler);
    const res = await handler(
      post(rpc(1, 'tools/call', { name: 'progress', _meta: { progressToken: 1 } }), session(id)),
    );
    const events = parseSse(await res.text());
    expect(events.length).toBe(4);
    expect(events.every((e) => e.id === undefined)).toBe(true);
    await (await handler(post(rpc(2, 'tools/call', { name: 'broadcast' }), session(id)))).text();
    const get = await handler(request('GET', { ...session(id), accept: 'text/event-stream' }));
    const reader = get.body!.getReader();
    const { value } = await reader.read();
    await reader.cancel();
    expect(sseMessages(new TextDecoder().decode(value))).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'unrelated' },
      },
    ]);
  });
});
