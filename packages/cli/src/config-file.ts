import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from './command.js';

/** A JSON config file as an object; `{}` when the file does not exist. */
export function readJsonConfig(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return {};
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Never overwrite a file we cannot read: the user's other entries live there.
    throw new CliError(
      `${path} is not valid JSON (${(error as Error).message}); fix it or pass --config`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`${path} does not hold a JSON object; fix it or pass --config`);
  }
  return value as Record<string, unknown>;
}

/**
 * Set `config[section][name] = entry`, keeping every other key and entry.
 * Returns whether an entry of that name was replaced.
 */
export function mergeEntry(
  config: Record<string, unknown>,
  section: string,
  name: string,
  entry: unknown,
): boolean {
  const current = config[section];
  if (
    current !== undefined &&
    (typeof current !== 'object' || current === null || Array.isArray(current))
  ) {
    throw new CliError(`"${section}" in the config is not an object; fix it or pass --config`);
  }
  const entries = (current ?? {}) as Record<string, unknown>;
  const replaced = name in entries;
  config[section] = { ...entries, [name]: entry };
  return replaced;
}

/** Write JSON atomically: a temp file beside the target, then rename over it. */
export function writeJsonAtomic(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  // Keep an existing file's permissions; a new one may hold secrets (env), so owner-only.
  const mode = existingMode(path) ?? 0o600;
  try {
    writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}
