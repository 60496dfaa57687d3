// The workload every server program exposes, in plain values, so each program only wires it
// into its own framework: `echo {text}`, `add {a,b}`, `big {kb}` (kb KiB of text).

/** The HTTP endpoint path every server program serves. */
export const MCP_PATH = '/mcp';

/** Transports a server program can be started on (its first argument). */
export type ServerTransport = 'stdio' | 'http-stateful' | 'http-stateless' | 'http-2026';

const bigCache = new Map<number, string>();

/** `kb` KiB of ASCII text; built once per size so every server pays only for sending it. */
export function bigText(kb: number): string {
  const size = Math.max(0, Math.min(Math.floor(kb), 4096));
  let text = bigCache.get(size);
  if (text === undefined) {
    text = 'x'.repeat(size * 1024);
    bigCache.set(size, text);
  }
  return text;
}

/** `<program> <transport> [port]`: what every server program is started with. */
export function serverArgs(): { transport: ServerTransport; port: number } {
  const [transport = 'stdio', port = '0'] = process.argv.slice(2);
  const known = ['stdio', 'http-stateful', 'http-stateless', 'http-2026'];
  if (!known.includes(transport)) throw new Error(`unknown transport ${transport}`);
  return { transport: transport as ServerTransport, port: Number(port) };
}
