import { type FSWatcher, watch } from 'node:fs';

const IGNORED = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);

/** A running watch; `close()` stops it and any pending callback. */
export interface Watching {
  close(): void;
}

/**
 * Call `onChange(files)` once things under `dir` stop changing for `debounceMs`, ignoring
 * node_modules, .git, dist, build, coverage and dotfiles.
 */
export function watchDirectory(
  dir: string,
  onChange: (files: string[]) => void,
  debounceMs = 150,
): Watching {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    timer = undefined;
    const files = [...changed];
    changed.clear();
    onChange(files);
  };
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name === null) return;
    const file = String(name);
    if (file.split(/[\\/]/).some((part) => IGNORED.has(part) || part.startsWith('.'))) return;
    changed.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  });
  watcher.on('error', () => {
    // A watched subdirectory vanished; the root watch goes on.
  });
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
