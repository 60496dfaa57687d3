import { readFileSync } from 'node:fs';

/**
 * The cli package's version, read from its package.json: this module sits in `src/` (from
 * source) or is bundled into `dist/` (built), one level below the package root either way.
 */
export function cliVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return String((JSON.parse(text) as { version?: unknown }).version);
}
