import type { Context } from './context-types.js';
import type { MiddlewareFn } from './middleware-types.js';

/** Where built-in middleware writes its lines (default: console.error, i.e. stderr). */
export type LineSink = (line: string) => void;

const stderr: LineSink = (line) => console.error(line);

/** `tools/call add`, `resources/read config://app`, or just the method. */
function label(ctx: Context<unknown>): string {
  const target = ctx.params.name ?? ctx.params.uri;
  return typeof target === 'string' ? `${ctx.method} ${target}` : ctx.method;
}

/**
 * Middleware that reports how long each request took.
 * @example server.use(timing()); // "tools/call add took 1.2 ms" on stderr
 */
export function timing(options: { log?: LineSink } = {}): MiddlewareFn {
  const log = options.log ?? stderr;
  return async (ctx, next) => {
    const start = performance.now();
    try {
      return await next();
    } finally {
      log(`${label(ctx)} took ${(performance.now() - start).toFixed(1)} ms`);
    }
  };
}

/**
 * Middleware that logs each request and how it ended; payloads only when asked for.
 * @example server.use(logging({ payloads: true }));
 */
export function logging(options: { log?: LineSink; payloads?: boolean } = {}): MiddlewareFn {
  const log = options.log ?? stderr;
  return async (ctx, next) => {
    const what = label(ctx);
    log(options.payloads ? `→ ${what} ${JSON.stringify(ctx.params)}` : `→ ${what}`);
    try {
      const result = await next();
      log(options.payloads ? `← ${what} ${JSON.stringify(result)}` : `← ${what}`);
      return result;
    } catch (error) {
      log(`✗ ${what}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
}
