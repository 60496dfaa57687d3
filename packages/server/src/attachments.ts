import type { Peer } from './peer.js';

/**
 * Something attached to a server that shares its life: a mounted server, a proxy's backend.
 * Every hook is optional; a server without attachments pays nothing for them.
 */
export interface Attachment {
  /** bring component tables up to date before a request is served */
  prepare?(): Promise<void> | undefined;
  /** runs when the server starts (after its own lifespan) */
  start?(): Promise<void> | undefined;
  /** runs when the server closes (before its own lifespan stops) */
  close?(): Promise<void>;
  /** a client of the server started (+1) or stopped (-1) watching a resource */
  watchResource?(uri: string, delta: 1 | -1): void;
  /** a notification from a client on a connection (roots/list_changed, …) */
  notification?(peer: Peer, method: string): void;
}

/** The attachments of one server, run together. */
export class Attachments {
  private readonly list: Attachment[] = [];

  add(attachment: Attachment): void {
    this.list.push(attachment);
  }

  prepare(): Promise<void> | undefined {
    let pending: Promise<void>[] | undefined;
    for (const a of this.list) {
      const p = a.prepare?.();
      if (!p) continue;
      pending ??= [];
      pending.push(p);
    }
    if (!pending) return undefined;
    return pending.length === 1 ? pending[0] : Promise.all(pending).then(() => {});
  }

  async start(): Promise<void> {
    for (const a of this.list) await a.start?.();
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.list.map((a) => a.close?.()));
  }

  watchResource(uri: string, delta: 1 | -1): void {
    for (const a of this.list) a.watchResource?.(uri, delta);
  }

  notification(peer: Peer, method: string): void {
    for (const a of this.list) a.notification?.(peer, method);
  }
}
