import type { RequestContext } from './context.js';
import type { Hook, Middleware } from './middleware-types.js';
import type { HookName } from './server-core.js';

/**
 * Run `core` inside the middleware for `hook`. Without middleware this is a direct call: the
 * chain's closures are only made when there is something to chain.
 */
export function runMiddleware<R>(
  ctx: RequestContext,
  hook: HookName,
  core: () => R | Promise<R>,
): Promise<R> {
  const chain = ctx.server.middleware(hook) as readonly Hook<R>[];
  if (chain.length === 0) return Promise.resolve(core());
  const step = (i: number): Promise<R> => {
    const mw = chain[i];
    if (!mw) return Promise.resolve(core());
    try {
      return Promise.resolve(mw(ctx, () => step(i + 1)));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return step(0);
}

/** Middleware lists per hook, rebuilt only when `.use()` adds one. */
export class MiddlewareStack {
  private readonly entries: Middleware<unknown>[] = [];
  private readonly byHook = new Map<HookName, Hook<unknown>[]>();

  add(middleware: Middleware<unknown>): void {
    if (
      typeof middleware !== 'function' &&
      (typeof middleware !== 'object' || middleware === null)
    ) {
      throw new TypeError('use() takes a function (ctx, next) => … or an object of hooks');
    }
    this.entries.push(middleware);
    this.byHook.clear();
  }

  /** Plain functions and `onRequest` hooks, then the hooks named `hook`, each in `use()` order. */
  for(hook: HookName): readonly Hook<unknown>[] {
    let chain = this.byHook.get(hook);
    if (chain) return chain;
    chain = [];
    for (const m of this.entries) {
      if (typeof m === 'function') chain.push(m as Hook<unknown>);
      else if (m.onRequest) chain.push(m.onRequest as Hook<unknown>);
    }
    if (hook !== '') {
      for (const m of this.entries) {
        const fn = typeof m === 'function' ? undefined : m[hook];
        if (fn) chain.push(fn as Hook<unknown>);
      }
    }
    this.byHook.set(hook, chain);
    return chain;
  }
}
