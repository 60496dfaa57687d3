import type { JsonObject } from '@mcpkit/core';
import type { RequestContext } from './context.js';
import { InputRequiredSignal } from './input-round.js';
import { type BackendPool, isConnectionFailure, type Lease, unavailable } from './proxy-backend.js';
import type { BackendCallOptions } from './proxy-source.js';

const PROTOCOL_META = 'io.modelcontextprotocol/';
// Result fields the proxy's own era decoration sets; a backend's must not leak through.
const DECORATION = ['resultType', 'ttlMs', 'cacheScope'];

/** The backend's result as the proxy's own: without the backend's era decoration. */
function clean(result: JsonObject): JsonObject {
  const out: JsonObject = { ...result };
  for (const key of DECORATION) delete out[key];
  const meta = out._meta as JsonObject | undefined;
  if (meta) {
    const kept: JsonObject = {};
    for (const [key, value] of Object.entries(meta)) {
      if (!key.startsWith(PROTOCOL_META)) kept[key] = value;
    }
    if (Object.keys(kept).length > 0) out._meta = kept;
    else delete out._meta;
  }
  return out;
}

/** The caller's own `_meta` (not the envelope, not its progress token) travels on. */
function callerMeta(ctx: RequestContext): Record<string, unknown> | undefined {
  const meta = ctx.params._meta as JsonObject | undefined;
  if (!meta) return undefined;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(meta)) {
    if (key === 'progressToken' || key.startsWith(PROTOCOL_META)) continue;
    out ??= {};
    out[key] = value;
  }
  return out;
}

async function call(
  pool: BackendPool,
  lease: Lease,
  ctx: RequestContext,
  method: string,
  params: JsonObject,
): Promise<JsonObject> {
  const controller = new AbortController();
  const signal = ctx.signal;
  const cancel = () => controller.abort(signal.reason);
  signal.addEventListener('abort', cancel, { once: true });
  let needInput!: () => void;
  const inputNeeded = new Promise<never>((_, reject) => {
    needInput = () => reject(new InputRequiredSignal());
  });
  inputNeeded.catch(() => {});
  lease.route.enter(ctx, needInput);
  const options: BackendCallOptions = { signal: controller.signal, timeoutMs: 0 };
  if (pool.options.forward.progress !== false) {
    options.onProgress = (p) => void ctx.progress(p.progress, p.total, p.message);
  }
  const meta = callerMeta(ctx);
  if (meta) options.meta = meta;
  let settled = false;
  try {
    const result = await Promise.race([lease.client.request(method, params, options), inputNeeded]);
    settled = true;
    return clean(result);
  } finally {
    lease.route.exit(ctx);
    signal.removeEventListener('abort', cancel);
    // Asked for input in the stateless era: the call is abandoned, the backend told so.
    if (!settled && !controller.signal.aborted) controller.abort(new InputRequiredSignal());
  }
}

/**
 * Send one request to the backend on the connection `ctx` should use, passing progress,
 * cancellation, logs and the backend's own requests back to the proxy's client. A broken
 * connection is dropped (the next request connects again) and reported as a clear error;
 * requests without side effects are tried once more on a fresh connection first.
 */
export async function forward(
  pool: BackendPool,
  ctx: RequestContext,
  method: string,
  params: JsonObject,
): Promise<JsonObject> {
  const retryable = method !== 'tools/call';
  for (let attempt = 0; ; attempt++) {
    const lease = await pool.lease(ctx);
    try {
      return await call(pool, lease, ctx, method, params);
    } catch (error) {
      if (error instanceof InputRequiredSignal || !isConnectionFailure(error)) throw error;
      if (ctx.signal.aborted) throw error;
      lease.drop();
      if (!(retryable && lease.reused && attempt === 0))
        throw unavailable(pool.options.label, error);
    } finally {
      await lease.release();
    }
  }
}
