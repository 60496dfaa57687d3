/**
 * DNS-rebinding guard, same rules as @mcpkit/http: a browser tricked into talking to a
 * local server sends a foreign Host (and Origin). Loopback names with any port pass.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface HostGuardOptions {
  /** hosts allowed besides loopback names: `name` (any port), `name:port` (exact), or `'*'` */
  allowedHosts?: readonly string[];
  /** origins allowed besides loopback ones, e.g. `https://app.example.com`, or `'*'` */
  allowedOrigins?: readonly string[];
}

/** Returns why a request must be refused (403), or undefined when it may proceed. */
export type HostGuard = (
  host: string | undefined,
  origin: string | undefined,
) => string | undefined;

/** `name[:port]` (IPv6 in brackets) → lower-cased name */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(0, end + 1);
  }
  const colon = h.indexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

const normalizeOrigin = (origin: string): string => origin.trim().toLowerCase().replace(/\/+$/, '');

/** Build the guard once per handler. */
export function createHostGuard(options: HostGuardOptions = {}): HostGuard {
  const names = new Set(LOOPBACK);
  const exact = new Set<string>();
  let anyHost = false;
  for (const entry of options.allowedHosts ?? []) {
    const e = entry.trim().toLowerCase();
    if (e === '*') anyHost = true;
    else if (hostName(e) === e) names.add(e);
    else exact.add(e);
  }
  const origins = new Set((options.allowedOrigins ?? []).map(normalizeOrigin));
  const anyOrigin = origins.has('*');

  const hostAllowed = (host: string): boolean =>
    anyHost || exact.has(host.trim().toLowerCase()) || names.has(hostName(host));

  const originAllowed = (origin: string): boolean => {
    if (anyOrigin || origins.has(normalizeOrigin(origin))) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname);
  };

  return (host, origin) => {
    if (host === undefined || !hostAllowed(host)) {
      return `Forbidden: host ${JSON.stringify(host ?? '')} is not allowed`;
    }
    if (origin !== undefined && !originAllowed(origin)) {
      return `Forbidden: origin ${JSON.stringify(origin)} is not allowed`;
    }
    return undefined;
  };
}
