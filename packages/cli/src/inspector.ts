import type { CommandLine } from './self-command.js';

/** The Inspector major version we drive (its CLI flags changed in 2.x). */
export const INSPECTOR_PACKAGE = '@modelcontextprotocol/inspector@^2';
/** The Node that Inspector needs (its `engines`: >=22.19). */
export const INSPECTOR_MIN_NODE = [22, 19, 0] as const;

/** Is this Node version (e.g. '20.20.2') at least `min`? */
export function nodeAtLeast(version: string, min: readonly number[]): boolean {
  const parts = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < min.length; i++) {
    const have = parts[i] ?? 0;
    const want = min[i] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}

/**
 * The command that starts the MCP Inspector's web UI on one Streamable HTTP server, fetched on
 * demand with npx. When this Node is too old for it, npx also fetches Node 22 (`-p node@22`),
 * whose `node` then comes first on the PATH the Inspector and its own children see.
 */
export function inspectorCommand(
  serverUrl: string,
  nodeVersion = process.versions.node,
): CommandLine {
  const target = ['--server-url', serverUrl, '--transport', 'http'];
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (nodeAtLeast(nodeVersion, INSPECTOR_MIN_NODE)) {
    return { command: npx, args: ['-y', INSPECTOR_PACKAGE, ...target] };
  }
  return {
    command: npx,
    args: ['-y', '-p', 'node@22', '-p', INSPECTOR_PACKAGE, 'mcp-inspector', ...target],
  };
}
