/** Variables a spawned server inherits by default: enough to run, no secrets. */
export const DEFAULT_INHERITED_ENV_VARS: readonly string[] =
  process.platform === 'win32'
    ? [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PATHEXT',
        'PROCESSOR_ARCHITECTURE',
        'PROGRAMFILES',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'USERNAME',
        'USERPROFILE',
      ]
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];

/**
 * The safe default environment for a child server, read from `source`.
 * Values that look like exported shell functions (`() {…`) are skipped: they are a
 * classic injection vector and no server needs them.
 * @example spawn(cmd, args, { env: { ...defaultChildEnv(), API_KEY: key } })
 */
export function defaultChildEnv(
  source: Readonly<Record<string, string | undefined>> = process.env,
  names: readonly string[] = DEFAULT_INHERITED_ENV_VARS,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of names) {
    const value = source[name];
    if (value === undefined || value.startsWith('()')) continue;
    env[name] = value;
  }
  return env;
}
