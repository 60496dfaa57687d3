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

export const acceptsJson = (accept: string | undefined): boolean =>
  acceptQuality(accept, JSON_TYPE) > 0;
export const acceptsEventStream = (accept: string | undefined): boolean =>
  acceptQuality(accept, SSE_TYPE) > 0;

/**
 * True when the client ranks an event stream above JSON: by q-value, and on a tie by
 * order (`text/event-stream, application/json` asks for a stream first).
 */
export function prefersEventStream(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const sse = acceptQuality(accept, SSE_TYPE);
  const json = acceptQuality(accept, JSON_TYPE);
  if (sse !== json) return sse > json;
  const lower = accept.toLowerCase();
  const at = lower.indexOf(SSE_TYPE);
  const jsonAt = lower.indexOf(JSON_TYPE);
  return sse > 0 && at >= 0 && (jsonAt < 0 || at < jsonAt);
}

/** Is this Content-Type JSON (`application/json`, any parameters)? */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semi = contentType.indexOf(';');
  const type = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === JSON_TYPE;
}
