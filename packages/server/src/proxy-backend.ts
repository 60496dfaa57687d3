import {
  CancelledError,
  ConnectionClosedError,
  ErrorCode,
  type Implementation,
  type JsonObject,
  McpError,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import type { Peer } from './peer.js';
import { type BackendEvents, type ProxyForwarding, Route } from './proxy-route.js';
import type { BackendClient, BackendFactory } from './proxy-source.js';

/** The backend could not be reached, or the connection broke: a clear protocol error. */
export function unavailable(label: string, error: unknown): McpError {
  if (error instanceof McpError && (error.data as JsonObject | undefined)?.backend === label) {
    return error;
  }
  const why = error instanceof Error ? error.message : String(error);
  return new McpError(
    ErrorCode.InternalError,
    `The backend MCP server (${label}) is unavailable: ${why}`,
    { backend: label },
  );
}

/**
 * Did the connection fail (rather than the backend answer with an error)? Closed connections,
 * HTTP failures and anything that is not a JSON-RPC error are; a cancelled call is not.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof CancelledError) return false;
  if (error instanceof ConnectionClosedError) return true;
  if (error instanceof McpError) return typeof (error as { status?: unknown }).status === 'number';
  return true;
}

/** One backend connection, made on first use and made again after it closed. */
class Slot {
  private client: Promise<BackendClient> | undefined;

  constructor(
    readonly route: Route,
    private readonly connect: () => Promise<BackendClient>,
    /** false for a client the caller handed over: theirs to close */
    private readonly owned: boolean,
  ) {}

  /** The connected client, and whether it existed before this call. */
  async get(): Promise<{ client: BackendClient; reused: boolean }> {
    if (this.client) {
      const client = await this.client.catch(() => undefined);
      if (client && !client.closed) return { client, reused: true };
      this.client = undefined;
    }
    const made = this.connect();
    this.client = made;
    made.catch(() => {
      if (this.client === made) this.client = undefined;
    });
    return { client: await made, reused: false };
  }

  /** Forget a broken connection; the next request connects again. */
  drop(client: BackendClient): void {
    if (!this.owned) return;
    void this.client?.then((c) => {
      if (c !== client) return;
      this.client = undefined;
      void client.close().catch(() => {});
    });
  }

  async close(): Promise<void> {
    if (!this.owned) return;
    const pending = this.client;
    this.client = undefined;
    const client = await pending?.catch(() => undefined);
    await client?.close().catch(() => {});
  }
}

/** A backend connection lent to one forwarded request. */
export interface Lease {
  readonly client: BackendClient;
  readonly route: Route;
  /** the connection was made before this request */
  readonly reused: boolean;
  drop(): void;
  release(): Promise<void>;
}

/** Options of a pool. */
export interface PoolOptions {
  label: string;
  clientInfo: Implementation;
  /** one connection for every proxy-side client (stateless backends, or a given client) */
  shared: boolean;
  forward: ProxyForwarding;
  events: BackendEvents;
}

/**
 * The backend connections of one proxy. By default each proxy-side connection gets its own
 * (made on its first request, closed with it) and each sessionless request a connection of
 * its own, so no backend state leaks between users; lists come from one discovery connection.
 * With `shared`, one connection serves everything.
 */
export class BackendPool {
  private readonly perPeer = new WeakMap<Peer, Slot>();
  private readonly open = new Set<Slot>();
  private readonly sharedSlot: Slot | undefined;
  private discoverySlot: Slot | undefined;

  constructor(
    private readonly source: BackendFactory | BackendClient,
    readonly options: PoolOptions,
  ) {
    if (options.shared || typeof source !== 'function') {
      this.sharedSlot = this.slot(undefined, undefined);
    }
  }

  /**
   * The connection lists and subscriptions use. It declares every capability the proxy
   * forwards, so tools a backend offers only to such clients are listed too.
   */
  async discovery(): Promise<BackendClient> {
    this.discoverySlot ??= this.sharedSlot ?? this.slot(undefined, undefined);
    try {
      return (await this.discoverySlot.get()).client;
    } catch (error) {
      throw unavailable(this.options.label, error);
    }
  }

  /** Lend the connection `ctx` should use. */
  async lease(ctx: RequestContext): Promise<Lease> {
    const front = ctx.client.capabilities as JsonObject;
    let slot = this.sharedSlot;
    let ephemeral = false;
    if (!slot && ctx.peer) {
      slot = this.perPeer.get(ctx.peer);
      if (!slot) {
        const peer = ctx.peer;
        const made = this.slot(peer, front);
        this.perPeer.set(peer, made);
        slot = made;
        void peer.session.done.then(() => this.retire(made));
      }
    }
    if (!slot) {
      slot = this.slot(undefined, front);
      ephemeral = true;
    }
    const owner = slot;
    this.open.add(owner);
    let got: { client: BackendClient; reused: boolean };
    try {
      got = await owner.get();
    } catch (error) {
      if (ephemeral) await this.retire(owner);
      throw unavailable(this.options.label, error);
    }
    return {
      client: got.client,
      route: owner.route,
      reused: got.reused,
      drop: () => owner.drop(got.client),
      release: () => (ephemeral ? this.retire(owner) : Promise.resolve()),
    };
  }

  /** The proxy-side client of `peer` says its roots changed: tell its backend connection. */
  rootsChanged(peer: Peer): void {
    const slot = this.sharedSlot ?? this.perPeer.get(peer);
    void slot
      ?.get()
      .then(({ client }) => client.sendRootsListChanged?.())
      .catch(() => {});
  }

  async close(): Promise<void> {
    const slots = [...this.open];
    this.open.clear();
    this.discoverySlot = undefined;
    await Promise.allSettled(slots.map((s) => s.close()));
  }

  private slot(peer: Peer | undefined, front: JsonObject | undefined): Slot {
    const route = new Route(peer, this.options.events, this.options.forward);
    const source = this.source;
    const slot = new Slot(
      route,
      () =>
        typeof source === 'function'
          ? source({
              clientInfo: this.options.clientInfo,
              handlers: route.handlers(front),
              logLevel: 'debug',
            })
          : Promise.resolve(source),
      typeof source === 'function',
    );
    this.open.add(slot);
    return slot;
  }

  private async retire(slot: Slot): Promise<void> {
    this.open.delete(slot);
    await slot.close();
  }
}
