import type { JsonObject } from '@mcpkit/core';
import type { ListKind } from './builder.js';
import type { Peer } from './peer.js';

/** What one `subscriptions/listen` stream asked for (and the server honoured). */
export interface ListenFilter {
  tools: boolean;
  prompts: boolean;
  resources: boolean;
  uris: ReadonlySet<string>;
}

/** An open `subscriptions/listen` stream. */
export interface Listener {
  readonly filter: ListenFilter;
  send(method: string, params?: JsonObject): void;
}

const LIST_CHANGED: Record<ListKind, string> = {
  tools: 'notifications/tools/list_changed',
  prompts: 'notifications/prompts/list_changed',
  resources: 'notifications/resources/list_changed',
};

const ignore = () => {};

/**
 * The process-wide bus of one server definition: list changes and resource updates reach every
 * initialized connection and every open listen stream. List changes made in one tick (say, ten
 * tools registered in a loop) go out as one notification per list.
 */
export class Notifier {
  private readonly peers = new Set<Peer>();
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Set<ListKind>();
  private readonly relays: ((uri: string) => void)[] = [];
  private scheduled = false;

  addPeer(peer: Peer): void {
    this.peers.add(peer);
  }

  removePeer(peer: Peer): void {
    this.peers.delete(peer);
  }

  addListener(listener: Listener): void {
    this.listeners.add(listener);
  }

  removeListener(listener: Listener): void {
    this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  listChanged(kind: ListKind): void {
    if (this.peers.size === 0 && this.listeners.size === 0) return;
    this.pending.add(kind);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  /** Also pass resource updates on (to a server this one is mounted into). */
  relay(relay: (uri: string) => void): void {
    this.relays.push(relay);
  }

  resourceUpdated(uri: string): void {
    for (const relay of this.relays) relay(uri);
    for (const peer of this.peers) {
      if (peer.initialized && peer.subscriptions.has(uri)) {
        peer.session.notify('notifications/resources/updated', { uri }).catch(ignore);
      }
    }
    for (const listener of this.listeners) {
      if (listener.filter.uris.has(uri)) listener.send('notifications/resources/updated', { uri });
    }
  }

  private flush(): void {
    this.scheduled = false;
    const kinds = [...this.pending];
    this.pending.clear();
    for (const kind of kinds) {
      const method = LIST_CHANGED[kind];
      for (const peer of this.peers) {
        if (peer.initialized) peer.session.notify(method).catch(ignore);
      }
      for (const listener of this.listeners) {
        if (listener.filter[kind]) listener.send(method);
      }
    }
  }
}
