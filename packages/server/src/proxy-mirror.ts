import type { ChangeListener, Entry, EntrySource } from './entry-source.js';
import type { Notifier } from './notifier.js';
import type { PromptEntry } from './prompts.js';
import { proxiedPrompt, proxiedResource, proxiedTemplate, proxiedTool } from './proxied-entries.js';
import type { BackendPool } from './proxy-backend.js';
import type { BackendClient, BackendListen } from './proxy-source.js';
import type { ResourceEntry, TemplateEntry } from './resources.js';
import type { ToolEntry } from './tools.js';

type Kind = 'tools' | 'prompts' | 'resources';
const KINDS: readonly Kind[] = ['tools', 'prompts', 'resources'];
const LIST_CHANGED: Record<string, Kind> = {
  'notifications/tools/list_changed': 'tools',
  'notifications/prompts/list_changed': 'prompts',
  'notifications/resources/list_changed': 'resources',
};

/** The last listing of one kind from the backend, offered to the proxy's registry. */
class MirrorSource<E extends Entry> implements EntrySource<E> {
  private list: E[] = [];
  private seen = '';
  private used = false;
  private listener: ChangeListener | undefined;

  entries(): readonly E[] {
    return this.list;
  }
  inUse(): boolean {
    return this.used;
  }
  onChange(listener: ChangeListener): void {
    this.listener = listener;
  }

  /**
   * Take a new listing; nothing happens when it equals the last one. The first listing is no
   * change (no client saw the empty one) unless a failed attempt let clients list without it.
   */
  update<W>(wires: readonly W[], used: boolean, make: (w: W) => E, missed: boolean) {
    const text = JSON.stringify(wires);
    if (text === this.seen && used === this.used) return;
    // Clients saw an empty list until now: only a different one is news to them.
    const notify = text !== (this.seen || '[]') && (this.seen !== '' || missed);
    this.seen = text;
    this.used = used;
    this.list = wires.map(make);
    this.listener?.(notify);
  }
}

/**
 * A proxy's view of its backend's components: listed on the first request (and again when the
 * backend says a list changed, or after its connection broke), served through the pool.
 */
export class Mirror {
  readonly tools = new MirrorSource<ToolEntry>();
  readonly prompts = new MirrorSource<PromptEntry>();
  readonly resources = new MirrorSource<ResourceEntry>();
  readonly templates = new MirrorSource<TemplateEntry>();
  private readonly stale = new Set<Kind>(KINDS);
  private pending: Promise<void> | undefined;
  /** a refresh failed: clients may have listed without the backend's components */
  private missed = false;
  private changes: BackendListen | undefined;
  /** subscriptions were lost with a broken connection: make them again on the next one */
  private resubscribe = false;
  private readonly watched = new Map<string, { count: number; handle: Promise<unknown> }>();

  constructor(
    private readonly pool: BackendPool,
    private readonly notifier: Notifier,
  ) {}

  /** Undefined when the tables are current; otherwise the refresh (which may fail). */
  prepare(): Promise<void> | undefined {
    return this.stale.size > 0 ? this.refresh() : undefined;
  }

  /** The backend says a list changed: list it again now, so clients re-listing see it. */
  listChanged(kind: Kind): void {
    this.stale.add(kind);
    this.refresh().catch(() => {});
  }

  /** A proxy-side client started or stopped watching a resource. */
  watch(uri: string, delta: 1 | -1): void {
    const current = this.watched.get(uri);
    if (delta > 0) {
      if (current) current.count++;
      else this.watched.set(uri, { count: 1, handle: this.subscribe(uri) });
      return;
    }
    if (!current || --current.count > 0) return;
    this.watched.delete(uri);
    void current.handle.then((h) => (h as BackendListen | undefined)?.close()).catch(() => {});
  }

  async close(): Promise<void> {
    const handles = [...this.watched.values()].map((w) => w.handle);
    this.watched.clear();
    await Promise.allSettled([
      this.changes?.close(),
      ...handles.map((h) => h.then((l) => (l as BackendListen | undefined)?.close())),
    ]);
    this.changes = undefined;
    for (const kind of KINDS) this.stale.add(kind);
  }

  private refresh(): Promise<void> {
    this.pending ??= this.run().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async run(): Promise<void> {
    let client: BackendClient;
    try {
      client = await this.pool.discovery();
    } catch (error) {
      this.missed = true;
      throw error;
    }
    const kinds = [...this.stale];
    this.stale.clear();
    try {
      await this.follow(client);
      if (this.resubscribe) {
        this.resubscribe = false;
        for (const [uri, w] of this.watched) w.handle = this.subscribe(uri);
      }
      await Promise.all(kinds.map((kind) => this.list(client, kind)));
      this.missed = false;
    } catch (error) {
      for (const kind of kinds) this.stale.add(kind);
      this.missed = true;
      throw error;
    }
  }

  private async list(client: BackendClient, kind: Kind): Promise<void> {
    const caps = client.serverCapabilities;
    const pool = this.pool;
    if (kind === 'tools') {
      const tools = caps.tools ? await client.listTools() : [];
      this.tools.update(tools, caps.tools !== undefined, (t) => proxiedTool(pool, t), this.missed);
    } else if (kind === 'prompts') {
      const prompts = caps.prompts ? await client.listPrompts() : [];
      this.prompts.update(
        prompts,
        caps.prompts !== undefined,
        (p) => proxiedPrompt(pool, p),
        this.missed,
      );
    } else {
      const [resources, templates] = caps.resources
        ? await Promise.all([client.listResources(), client.listResourceTemplates()])
        : [[], []];
      const used = caps.resources !== undefined;
      this.resources.update(resources, used, (r) => proxiedResource(pool, r), this.missed);
      this.templates.update(templates, used, (t) => proxiedTemplate(pool, t), this.missed);
    }
  }

  /** Listen for the backend's list changes (both eras); when the connection ends, list again. */
  private async follow(client: BackendClient): Promise<void> {
    if (this.changes) return;
    let handle: BackendListen;
    try {
      handle = await client.listen(
        { toolsListChanged: true, promptsListChanged: true, resourcesListChanged: true },
        (n) => {
          const kind = LIST_CHANGED[n.method];
          if (kind) this.listChanged(kind);
        },
      );
    } catch {
      return; // a backend that cannot be listened to: its lists are taken as they are
    }
    this.changes = handle;
    void handle.done.then(() => {
      if (this.changes !== handle) return;
      this.changes = undefined;
      this.resubscribe = true;
      for (const kind of KINDS) this.stale.add(kind);
    });
  }

  private async subscribe(uri: string): Promise<BackendListen | undefined> {
    try {
      const client = await this.pool.discovery();
      return await client.listen({ resourceSubscriptions: [uri] }, (n) => {
        if (n.method === 'notifications/resources/updated') this.notifier.resourceUpdated(uri);
      });
    } catch {
      return undefined;
    }
  }
}
