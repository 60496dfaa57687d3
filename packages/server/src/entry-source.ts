import type { DuplicatePolicy } from './types.js';

/** What every registry entry has. */
export interface Entry {
  readonly key: string;
  /** the object listed on the wire */
  readonly wire: object;
  readonly tags: readonly string[] | undefined;
  enabled: boolean;
}

/** Called when a source's entries changed; `notify: false` when no client can have seen them yet. */
export type ChangeListener = (notify: boolean) => void;

/**
 * Entries a registry shows without owning them: a mounted server's components, or a proxied
 * server's. The source filters and caches its own list; the registry merges it with its own.
 */
export interface EntrySource<E extends Entry> {
  /** the entries offered now, in order (stable objects while nothing changed) */
  entries(): readonly E[];
  /** may this source ever offer entries (for the server's capabilities) */
  inUse(): boolean;
  /** register the registry's change listener (called once, on attach) */
  onChange(listener: ChangeListener): void;
}

/**
 * Rewrites the merged entries after own and source entries are in (tool transformations).
 * Runs once per change, never per request.
 */
export type Overlay<E extends Entry> = (entries: Map<string, E>) => void;

/** Checks a name a source is about to offer (a sub-server adding a component after mounting). */
export type ClaimGuard = (key: string, tags: readonly string[] | undefined) => void;

/** Apply the duplicate policy to a name that is taken; `shadowed` when no entry is replaced. */
export function onDuplicate(
  policy: DuplicatePolicy,
  kind: string,
  key: string,
  shadowed = false,
): void {
  if (policy === 'error') throw new Error(`Duplicate ${kind}: ${key} is already registered`);
  if (policy !== 'warn') return;
  console.warn(
    shadowed
      ? `mcpkit: the ${kind} ${key} is offered twice; the server's own one, else the latest mount's, wins`
      : `mcpkit: replacing the ${kind} ${key} registered before`,
  );
}
