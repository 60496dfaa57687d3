import type { DuplicatePolicy } from './types.js';

/** A registered component, seen from outside: enable, disable or remove it at runtime. */
export interface ComponentHandle {
  readonly name: string;
  readonly enabled: boolean;
  readonly tags: readonly string[];
  enable(): void;
  disable(): void;
  remove(): void;
}

/** The components of one kind, by name (tools, prompts) or URI (resources, templates). */
export interface ComponentRegistry {
  readonly size: number;
  has(name: string): boolean;
  names(): string[];
  get(name: string): ComponentHandle | undefined;
  enable(name: string): boolean;
  disable(name: string): boolean;
  remove(name: string): boolean;
}

/** What every registry entry has. */
export interface Entry {
  readonly key: string;
  /** the object listed on the wire */
  readonly wire: object;
  readonly tags: readonly string[] | undefined;
  enabled: boolean;
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
 * A mutable, ordered component table. The visible list is computed once per change, so listing
 * and lookup cost nothing per request.
 */
export class Registry<E extends Entry> implements ComponentRegistry {
  private readonly map = new Map<string, E>();
  private visibleList: E[] | undefined;
  private wireList: E['wire'][] | undefined;

  constructor(
    private readonly kind: string,
    private readonly policy: DuplicatePolicy,
    private readonly isVisible: (entry: Entry) => boolean,
    private readonly changed: () => void,
  ) {}

  get size(): number {
    return this.map.size;
  }

  add(entry: E): void {
    if (this.map.has(entry.key)) {
      if (this.policy === 'error') {
        throw new Error(`Duplicate ${this.kind}: ${entry.key} is already registered`);
      }
      if (this.policy === 'warn') {
        console.warn(`mcpkit: replacing the ${this.kind} ${entry.key} registered before`);
      }
    }
    this.map.set(entry.key, entry);
    this.touch();
  }

  /** A visible entry by key. */
  find(key: string): E | undefined {
    const entry = this.map.get(key);
    return entry && this.isVisible(entry) ? entry : undefined;
  }

  /** Visible entries in registration order. */
  list(): readonly E[] {
    this.visibleList ??= [...this.map.values()].filter(this.isVisible);
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

  private setEnabled(entry: E, enabled: boolean): void {
    if (entry.enabled === enabled) return;
    entry.enabled = enabled;
    this.touch();
  }

  private touch(): void {
    this.visibleList = undefined;
    this.wireList = undefined;
    this.changed();
  }
}
