/** Accept / Content-Type checks, tolerant of parameters, case and wildcards. */

const JSON_TYPE = 'application/json';
const SSE_TYPE = 'text/event-stream';

/** q-value the Accept header grants `type` (0 = not acceptable). Absent header accepts all. */
export function acceptQuality(accept: string | undefined, type: string): number {
  if (accept === undefined || accept.trim() === '') return 1;
  const [major] = type.split('/');
  let best = 0;
  let bestSpecificity = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';');
    const r = range.trim().toLowerCase();
    const specificity = r === type ? 2 : r === `${major}/*` ? 1 : r === '*/*' ? 0 : -1;
    if (specificity < 0 || specificity < bestSpecificity) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=');
      if (k?.trim().toLowerCase() === 'q' && v !== undefined) q = Number.parseFloat(v) || 0;
    }
    if (specificity > bestSpecificity) {
      bestSpecificity = specificity;
      best = q;
    }
  }
  return best;
}

/** What one Accept header allows, computed once per distinct header value. */
interface Acceptance {
  json: boolean;
  sse: boolean;
  prefersSse: boolean;
}

// Clients send the same Accept on every request, and parsing it was ~10% of a call's CPU:
// a few distinct values are remembered (cleared when full, so hostile variety stays bounded).
const MAX_CACHED = 32;
const cache = new Map<string, Acceptance>();
const ABSENT: Acceptance = { json: true, sse: true, prefersSse: false };

function acceptance(accept: string | undefined): Acceptance {
  if (accept === undefined) return ABSENT;
  let known = cache.get(accept);
  if (known) return known;
  const sse = acceptQuality(accept, SSE_TYPE);
  const json = acceptQuality(accept, JSON_TYPE);
  known = { json: json > 0, sse: sse > 0, prefersSse: ranksStreamFirst(accept, sse, json) };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(accept, known);
  return known;
}

function ranksStreamFirst(accept: string, sse: number, json: number): boolean {
  if (sse !== json) return sse > json;
  const lower = accept.toLowerCase();
  const at = lower.indexOf(SSE_TYPE);
  const jsonAt = lower.indexOf(JSON_TYPE);
  return sse > 0 && at >= 0 && (jsonAt < 0 || at < jsonAt);
}

export const acceptsJson = (accept: string | undefined): boolean => acceptance(accept).json;
export const acceptsEventStream = (accept: string | undefined): boolean => acceptance(accept).sse;

/**
 * True when the client ranks an event stream above JSON: by q-value, and on a tie by
 * order (`text/event-stream, application/json` asks for a stream first).
 */
export function prefersEventStream(accept: string | undefined): boolean {
  return acceptance(accept).prefersSse;
}

/** Is this Content-Type JSON (`application/json`, any parameters)? */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semi = contentType.indexOf(';');
  const type = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === JSON_TYPE;
}
