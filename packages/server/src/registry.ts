import {
  type ChangeListener,
  type ClaimGuard,
  type Entry,
  type EntrySource,
  type Overlay,
  onDuplicate,
} from './entry-source.js';
import type { DuplicatePolicy } from './types.js';

export type { Entry } from './entry-source.js';

/** A registered component, seen from outside: enable, disable or remove it at runtime. */
export interface ComponentHandle {
  readonly name: string;
  readonly enabled: boolean;
  readonly tags: readonly string[];
  enable(): void;
  disable(): void;
  remove(): void;
}

/**
 * The server's own components of one kind, by name (tools, prompts) or URI (resources,
 * templates). Components reached through `mount()` are managed on the mounted server.
 */
export interface ComponentRegistry {
  readonly size: number;
  has(name: string): boolean;
  names(): string[];
  get(name: string): ComponentHandle | undefined;
  enable(name: string): boolean;
  disable(name: string): boolean;
  remove(name: string): boolean;
}

/** Which entries clients may see, from the server's tag filters. */
export function tagFilter(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
): (entry: Entry) => boolean {
  const inc = include && include.length > 0 ? new Set(include) : undefined;
  const exc = exclude && exclude.length > 0 ? new Set(exclude) : undefined;
  return (entry) => {
    if (!entry.enabled) return false;
    const tags = entry.tags ?? [];
    if (exc && tags.some((t) => exc.has(t))) return false;
    return !inc || tags.some((t) => inc.has(t));
  };
}

/**
 * A mutable, ordered component table, merged with the entries of attached sources (mounts,
 * proxies) and rewritten by overlays (tool transformations). The visible list is computed once
 * per change, so listing and lookup cost nothing per request.
 */
export class Registry<E extends Entry> implements ComponentRegistry {
  private readonly map = new Map<string, E>();
  private readonly sources: EntrySource<E>[] = [];
  private readonly overlays: Overlay<E>[] = [];
  private readonly watchers: ChangeListener[] = [];
  private readonly guards: ClaimGuard[] = [];
  private visibleList: E[] | undefined;
  private wireList: E['wire'][] | undefined;
  private merged: Map<string, E> | undefined;

  constructor(
    readonly kind: string,
    readonly policy: DuplicatePolicy,
    private readonly isVisible: (entry: Entry) => boolean,
    private readonly changed: () => void,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** Own components, or an attached source that may offer some (for capabilities). */
  inUse(): boolean {
    return this.map.size > 0 || this.sources.some((source) => source.inUse());
  }

  add(entry: E): void {
    if (this.map.has(entry.key)) onDuplicate(this.policy, this.kind, entry.key);
    else if (this.offered(entry.key)) onDuplicate(this.policy, this.kind, entry.key, true);
    if (this.isVisible(entry)) for (const guard of this.guards) guard(entry.key, entry.tags);
    this.map.set(entry.key, entry);
    this.touch();
  }

  /**
   * Show a source's entries too: own entries win, then the latest source's. Call `claim` for
   * its entries first, so the duplicate policy applies.
   */
  attach(source: EntrySource<E>): void {
    this.sources.push(source);
    source.onChange((notify) => this.touch(notify));
    this.touch();
  }

  /** Rewrite the merged entries on every change (tool transformations). */
  overlay(overlay: Overlay<E>): void {
    this.overlays.push(overlay);
    this.touch();
  }

  /** Be told when the visible entries change (a parent that mounted this registry's server). */
  watch(listener: ChangeListener, guard?: ClaimGuard): void {
    this.watchers.push(listener);
    if (guard) this.guards.push(guard);
  }

  /** A source is about to offer `key`: apply the duplicate policy here and further up. */
  claim(key: string, tags: readonly string[] | undefined, except?: EntrySource<E>): void {
    if (this.map.has(key) || this.offered(key, except)) {
      onDuplicate(this.policy, this.kind, key, true);
    }
    for (const guard of this.guards) guard(key, tags);
  }

  /** A visible entry by key. */
  find(key: string): E | undefined {
    if (this.sources.length === 0 && this.overlays.length === 0) {
      const entry = this.map.get(key);
      return entry && this.isVisible(entry) ? entry : undefined;
    }
    return this.mergedEntries().get(key);
  }

  /** Visible entries in order: own ones in registration order, then each source's. */
  list(): readonly E[] {
    if (this.visibleList) return this.visibleList;
    this.visibleList =
      this.sources.length === 0 && this.overlays.length === 0
        ? [...this.map.values()].filter(this.isVisible)
        : [...this.mergedEntries().values()];
    return this.visibleList;
  }

  /** The listed objects of the visible entries (a fresh array). */
  wires(): E['wire'][] {
    return [...this.sharedWires()];
  }

  /** The listed objects of the visible entries, cached: never mutate it. */
  sharedWires(): readonly E['wire'][] {
    this.wireList ??= this.list().map((entry) => entry.wire);
    return this.wireList;
  }

  values(): IterableIterator<E> {
    return this.map.values();
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  names(): string[] {
    return [...this.map.keys()];
  }

  get(name: string): ComponentHandle | undefined {
    const entry = this.map.get(name);
    if (!entry) return undefined;
    return {
      name,
      get enabled() {
        return entry.enabled;
      },
      tags: entry.tags ?? [],
      enable: () => this.setEnabled(entry, true),
      disable: () => this.setEnabled(entry, false),
      remove: () => {
        if (this.map.get(name) === entry) this.remove(name);
      },
    };
  }

  enable(name: string): boolean {
    const entry = this.map.get(name);
    if (entry) this.setEnabled(entry, true);
    return entry !== undefined;
  }

  disable(name: string): boolean {
    const entry = this.map.get(name);
    if (entry) this.setEnabled(entry, false);
    return entry !== undefined;
  }

  remove(name: string): boolean {
    const removed = this.map.delete(name);
    if (removed) this.touch();
    return removed;
  }

  /** Is `key` registered here or offered by a source? */
  taken(key: string): boolean {
    return this.map.has(key) || this.offered(key);
  }

  private offered(key: string, except?: EntrySource<E>): boolean {
    return this.sources.some(
      (source) => source !== except && source.entries().some((e) => e.key === key),
    );
  }

  private mergedEntries(): Map<string, E> {
    if (this.merged) return this.merged;
    const out = new Map<string, E>();
    for (const entry of this.map.values()) if (this.isVisible(entry)) out.set(entry.key, entry);
    const own = new Set(out.keys());
    // A later source replaces an earlier one's entry in place; own entries are never shadowed.
    for (const source of this.sources) {
      for (const entry of source.entries()) {
        if (!own.has(entry.key) && this.isVisible(entry)) out.set(entry.key, entry);
      }
    }
    for (const overlay of this.overlays) overlay(out);
    this.merged = out;
    return out;
  }

  private setEnabled(entry: E, enabled: boolean): void {
    if (entry.enabled === enabled) return;
    entry.enabled = enabled;
    if (enabled && this.isVisible(entry)) {
      try {
        for (const guard of this.guards) guard(entry.key, entry.tags);
      } catch (error) {
        entry.enabled = false;
        throw error;
      }
    }
    this.touch();
  }

  private touch(notify = true): void {
    this.visibleList = undefined;
    this.wireList = undefined;
    this.merged = undefined;
    if (notify) this.changed();
    for (const watcher of this.watchers) watcher(notify);
  }
}
