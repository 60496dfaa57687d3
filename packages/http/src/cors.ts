/** CORS for browser clients: off unless configured. */

export interface CorsOptions {
  /** allowed origins: `'*'`, a list, or a predicate */
  origin: '*' | string | readonly string[] | ((origin: string) => boolean);
  /** send `Access-Control-Allow-Credentials: true` (never combined with a literal `*`) */
  credentials?: boolean;
  /** preflight cache lifetime in seconds (default 600) */
  maxAgeSeconds?: number;
}

const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS';
const ALLOW_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'mcp-session-id',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'last-event-id',
];
const EXPOSE_HEADERS = 'Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate';

export interface Cors {
  allows(origin: string): boolean;
  /** headers for an actual (non-preflight) response */
  headers(origin: string | undefined): Record<string, string> | undefined;
  /** headers for a preflight answer */
  preflight(
    origin: string | undefined,
    requestedHeaders: string | undefined,
  ): Record<string, string> | undefined;
}

export function createCors(options: CorsOptions): Cors {
  const { origin, credentials = false, maxAgeSeconds = 600 } = options;
  const list = typeof origin === 'string' ? [origin] : Array.isArray(origin) ? origin : undefined;
  const wildcard = list?.includes('*') ?? false;
  const allows = (o: string): boolean =>
    typeof origin === 'function'
      ? (origin as (o: string) => boolean)(o)
      : wildcard || (list ?? []).includes(o);

  const base = (o: string): Record<string, string> => {
    const h: Record<string, string> = {
      'access-control-allow-origin': wildcard && !credentials ? '*' : o,
      'access-control-expose-headers': EXPOSE_HEADERS,
    };
    if (!(wildcard && !credentials)) h.vary = 'Origin';
    if (credentials) h['access-control-allow-credentials'] = 'true';
    return h;
  };

  return {
    allows,
    headers(o) {
      return o !== undefined && allows(o) ? base(o) : undefined;
    },
    preflight(o, requested) {
      if (o === undefined || !allows(o)) return undefined;
      // Mcp-Param-* names are open-ended, so requested ones of that family are echoed.
      const extra = (requested ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h.startsWith('mcp-param-') && /^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(h));
      return {
        ...base(o),
        'access-control-allow-methods': ALLOW_METHODS,
        'access-control-allow-headers': [...ALLOW_HEADERS, ...extra].join(', '),
        'access-control-max-age': String(maxAgeSeconds),
      };
    },
  };
}
