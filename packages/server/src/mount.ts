import type { Attachments } from './attachments.js';
import type { ChangeListener, Entry, EntrySource } from './entry-source.js';
import {
  type MountTarget,
  mountedPrompt,
  mountedResource,
  mountedTemplate,
  mountedTool,
} from './mounted-entries.js';
import { createPrefix } from './prefix.js';
import type { Registry } from './registry.js';
import type { ServerCore } from './server-core.js';

/** Options of `main.mount(sub, …)` and `main.import(sub, …)`. */
export interface MountOptions<P extends string = string> {
  /** tools and prompts become `prefix_name`, resources `scheme://prefix/rest` (default: none) */
  prefix?: P;
  /** only the sub-server's components with at least one of these tags */
  includeTags?: readonly string[];
  /** none of the sub-server's components with any of these tags (wins over includeTags) */
  excludeTags?: readonly string[];
}

/** A server that can be mounted: what mount() needs beyond ServerCore. */
export interface Composable extends ServerCore {
  readonly attachments: Attachments;
  /** servers mounted into this one, to refuse cycles */
  readonly mounted: Set<Composable>;
}

/** The runtime behind a builder handed to mount() or import(). */
export function composable(value: unknown, method: string): Composable {
  const v = value as Partial<Composable> | null;
  if (typeof v === 'object' && v !== null && v.attachments && v.mounted && v.toolRegistry) {
    return v as Composable;
  }
  throw new TypeError(
    `${method}() takes a server made by createServer() or createProxy(); wrap any other MCP server with createProxy(server)`,
  );
}

/** A mount's own tag filter: like the server's, but disabled entries never reach it. */
export function mountFilter(options: MountOptions): (entry: Pick<Entry, 'tags'>) => boolean {
  const inc = options.includeTags?.length ? new Set(options.includeTags) : undefined;
  const exc = options.excludeTags?.length ? new Set(options.excludeTags) : undefined;
  if (!inc && !exc) return () => true;
  return ({ tags = [] }) => {
    if (exc && tags.some((t) => exc.has(t))) return false;
    return !inc || tags.some((t) => inc.has(t));
  };
}

/** The live view of one registry of a mounted server, renamed and filtered. */
class MountSource<E extends Entry> implements EntrySource<E> {
  private cache: E[] | undefined;
  private readonly wrappers = new WeakMap<E, E>();
  private listener: ChangeListener | undefined;

  constructor(
    private readonly inner: Registry<E>,
    private readonly wrap: (entry: E) => E,
    private readonly keep: (entry: Pick<Entry, 'tags'>) => boolean,
  ) {}

  entries(): readonly E[] {
    if (this.cache) return this.cache;
    const out: E[] = [];
    for (const entry of this.inner.list()) {
      if (!this.keep(entry)) continue;
      let wrapped = this.wrappers.get(entry);
      if (!wrapped) {
        wrapped = this.wrap(entry);
        this.wrappers.set(entry, wrapped);
      }
      out.push(wrapped);
    }
    this.cache = out;
    return out;
  }

  /** A live link may gain components of any kind at any time: always declared. */
  inUse(): boolean {
    return true;
  }

  onChange(listener: ChangeListener): void {
    this.listener = listener;
  }

  invalidate(notify: boolean): void {
    this.cache = undefined;
    this.listener?.(notify);
  }
}

/**
 * Prepare the live link of one registry: the parent's duplicate policy is applied to every name
 * now (so a refused mount changes nothing); the returned function makes the link.
 */
function link<E extends Entry>(
  parent: Registry<E>,
  inner: Registry<E>,
  wrap: (entry: E) => E,
  rename: (key: string) => string,
  keep: (entry: Pick<Entry, 'tags'>) => boolean,
): () => void {
  const source = new MountSource(inner, wrap, keep);
  for (const entry of source.entries()) parent.claim(entry.key, entry.tags);
  return () => {
    parent.attach(source);
    inner.watch(
      (notify) => source.invalidate(notify),
      (key, tags) => {
        if (keep({ tags })) parent.claim(rename(key), tags, source);
      },
    );
  };
}

const reaches = (from: Composable, to: Composable): boolean =>
  from === to || [...from.mounted].some((child) => reaches(child, to));

/**
 * Mount `sub` into `parent`: a live link. The parent shows the sub-server's visible components
 * under the prefix; changes to `sub` show at once and raise list_changed on the parent's
 * clients. Requests for them run the parent's middleware, then the sub-server's, in its context.
 */
export function mountServer(parent: Composable, sub: Composable, options: MountOptions): void {
  if (reaches(sub, parent)) {
    throw new Error(`Cannot mount ${sub.serverInfo.name} into ${parent.serverInfo.name}: a cycle`);
  }
  const prefix = createPrefix(options.prefix);
  const target: MountTarget = { server: sub, prefix };
  const keep = mountFilter(options);
  const links = [
    link(parent.toolRegistry, sub.toolRegistry, (e) => mountedTool(target, e), prefix.name, keep),
    link(
      parent.promptRegistry,
      sub.promptRegistry,
      (e) => mountedPrompt(target, e),
      prefix.name,
      keep,
    ),
    link(
      parent.resourceRegistry,
      sub.resourceRegistry,
      (e) => mountedResource(target, e),
      prefix.uri,
      keep,
    ),
    link(
      parent.templateRegistry,
      sub.templateRegistry,
      (e) => mountedTemplate(target, e),
      prefix.uri,
      keep,
    ),
  ];
  for (const make of links) make();
  parent.mounted.add(sub);
  relayUpdates(parent, sub, target);
  parent.attachments.add({
    prepare: () => tolerate(sub),
    start: () => sub.ready(),
    close: () => sub.close(),
    watchResource: (uri, delta) => {
      const own = prefix.innerUri(uri);
      if (own !== undefined && sub.hasResource(own)) sub.watchResource(own, delta);
    },
    // The sub-server serves the parent's connections: they are its peers too (roots changes).
    notification: (peer, method) => sub.attachments.notification(peer, method),
  });
}

/** The sub-server's resource updates reach the parent's subscribers under the parent's URI. */
export function relayUpdates(parent: ServerCore, sub: ServerCore, target: MountTarget): void {
  sub.notifier.relay((uri) => parent.notifier.resourceUpdated(target.prefix.uri(uri)));
}

const failing = new WeakSet<ServerCore>();

/**
 * A mounted server that cannot bring its tables up to date (a proxy whose backend is down)
 * must not fail the parent's requests: its components stay as last known, the failure is
 * logged once per outage, and calls to it report the error themselves.
 */
function tolerate(sub: ServerCore): Promise<void> | undefined {
  const pending = sub.prepare();
  if (!pending) return undefined;
  return pending.then(
    () => {
      failing.delete(sub);
    },
    (error: unknown) => {
      if (failing.has(sub)) return;
      failing.add(sub);
      const message = error instanceof Error ? error.message : String(error);
      console.error(`mcpkit: mounted server ${sub.serverInfo.name} is unavailable: ${message}`);
    },
  );
}
