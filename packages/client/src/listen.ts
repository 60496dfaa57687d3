import {
  ENVELOPE_KEYS,
  type JsonObject,
  type JsonRpcNotification,
  type RequestId,
  type ServerCapabilities,
  type Session,
  type SubscriptionFilter,
  type Transport,
} from '@mcpkit/core';
import { LIST_CHANGED_KINDS } from './handlers.js';
import type { Requester } from './requester.js';

/** What to listen for: list changes and updates of given resource URIs. */
export type ListenFilter = SubscriptionFilter;

/** A notification delivered to a `listen()` callback. */
export interface ListenNotification {
  method: string;
  params: Record<string, unknown> | undefined;
}

/** A running subscription. Close it (or `await using` it) to stop listening. */
export interface ListenHandle extends AsyncDisposable {
  /** the part of the filter the server honours */
  readonly acknowledged: ListenFilter;
  /** resolves when the subscription ends: closed by us, by the server, or with the connection */
  readonly done: Promise<void>;
  close(): Promise<void>;
}

type Deliver = (notification: ListenNotification) => void;

interface HandshakeListener {
  filter: ListenFilter;
  deliver: Deliver;
}

/** Every open `listen()` of one client, and the routing of their notifications. */
export class ListenRegistry {
  private readonly streams = new Map<RequestId, Deliver>();
  private readonly acks = new Map<RequestId, (filter: ListenFilter) => void>();
  private readonly listeners = new Set<HandshakeListener>();
  private readonly subscribed = new Map<string, number>();
  // Session picks request ids itself; we learn a listen request's id as it is sent.
  private readonly idWanted = new WeakMap<object, (id: RequestId) => void>();

  /** Wrap the transport so the ids of outgoing listen requests are seen. */
  watch(transport: Transport): Transport {
    return {
      start: (sink) => transport.start(sink),
      send: (message, info) => {
        if ('id' in message && 'method' in message && message.params) {
          const wanted = this.idWanted.get(message.params);
          if (wanted) {
            this.idWanted.delete(message.params);
            wanted(message.id);
          }
        }
        return transport.send(message, info);
      },
      close: () => transport.close(),
    };
  }

  /** Hand a notification to its stream (stateless) or to matching listeners (handshake). True when consumed. */
  route(notification: JsonRpcNotification): boolean {
    const params = notification.params;
    const id = (params?._meta as JsonObject | undefined)?.[ENVELOPE_KEYS.subscriptionId] as
      | RequestId
      | undefined;
    if (id !== undefined) {
      if (notification.method === 'notifications/subscriptions/acknowledged') {
        this.acks.get(id)?.((params?.notifications ?? {}) as ListenFilter);
      } else {
        this.streams.get(id)?.({ method: notification.method, params });
      }
      return true;
    }
    for (const listener of this.listeners) {
      if (matches(listener.filter, notification))
        listener.deliver({ method: notification.method, params });
    }
    return false;
  }

  /** Stateless era: one long-lived `subscriptions/listen` request per handle. */
  async listenStateless(
    session: Session,
    requester: Requester,
    filter: ListenFilter,
    deliver: Deliver,
  ): Promise<ListenHandle> {
    const params = requester.params(
      { notifications: filter as JsonObject },
      undefined,
    ) as JsonObject;
    const controller = new AbortController();
    let id: RequestId | undefined;
    let acknowledge!: (filter: ListenFilter) => void;
    const acknowledged = new Promise<ListenFilter>((resolve) => (acknowledge = resolve));
    this.idWanted.set(params, (sent) => {
      id = sent;
      this.streams.set(sent, deliver);
      this.acks.set(sent, acknowledge);
    });
    const call = session.request('subscriptions/listen', params, {
      timeoutMs: 0,
      signal: controller.signal,
    });
    const forget = () => {
      if (id === undefined) return;
      this.streams.delete(id);
      this.acks.delete(id);
    };
    // Until the ack, a failed request fails listen(); afterwards it just ends the stream.
    const ack = await Promise.race([acknowledged, call.then(() => undefined)]).catch((error) => {
      forget();
      throw error;
    });
    const done = call.then(forget, forget);
    if (ack === undefined) return handle({}, done, async () => {});
    return handle(ack, done, async () => {
      controller.abort(new Error('Listen closed by the client'));
      await done;
    });
  }

  /** Handshake era: subscribe to each resource (shared between handles) and filter list_changed. */
  async listenHandshake(
    requester: Requester,
    capabilities: ServerCapabilities,
    filter: ListenFilter,
    deliver: Deliver,
    done: Promise<void>,
  ): Promise<ListenHandle> {
    const honoured: ListenFilter = {};
    if (filter.toolsListChanged && capabilities.tools?.listChanged)
      honoured.toolsListChanged = true;
    if (filter.promptsListChanged && capabilities.prompts?.listChanged)
      honoured.promptsListChanged = true;
    if (filter.resourcesListChanged && capabilities.resources?.listChanged)
      honoured.resourcesListChanged = true;
    const uris = capabilities.resources?.subscribe
      ? [...new Set(filter.resourceSubscriptions ?? [])]
      : [];
    const held: string[] = [];
    try {
      for (const uri of uris) {
        const count = this.subscribed.get(uri) ?? 0;
        if (count === 0) await requester.request('resources/subscribe', { uri });
        this.subscribed.set(uri, count + 1);
        held.push(uri);
      }
    } catch (error) {
      await this.release(requester, held);
      throw error;
    }
    if (uris.length > 0) honoured.resourceSubscriptions = uris;
    const listener: HandshakeListener = { filter: honoured, deliver };
    this.listeners.add(listener);
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    void done.then(end);
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        this.listeners.delete(listener);
        await this.release(requester, held);
        end();
      })());
    return handle(honoured, ended, close);
  }

  /** Drop one hold on each URI; the last one out unsubscribes. */
  private async release(requester: Requester, uris: readonly string[]): Promise<void> {
    for (const uri of uris) {
      const count = (this.subscribed.get(uri) ?? 1) - 1;
      if (count > 0) this.subscribed.set(uri, count);
      else {
        this.subscribed.delete(uri);
        await requester.request('resources/unsubscribe', { uri }).catch(() => {});
      }
    }
  }
}

function matches(filter: ListenFilter, notification: JsonRpcNotification): boolean {
  const kind = LIST_CHANGED_KINDS[notification.method];
  if (kind) return filter[`${kind}ListChanged`] === true;
  if (notification.method !== 'notifications/resources/updated') return false;
  const uri = notification.params?.uri;
  // The updated URI may be a sub-resource of a subscribed one.
  return (
    typeof uri === 'string' &&
    (filter.resourceSubscriptions ?? []).some((s) => uri === s || uri.startsWith(`${s}/`))
  );
}

function handle(
  acknowledged: ListenFilter,
  done: Promise<void>,
  close: () => Promise<void>,
): ListenHandle {
  return { acknowledged, done, close, [Symbol.asyncDispose]: close };
}
