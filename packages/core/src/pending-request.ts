import { CancelledError, TimeoutError } from './errors.js';
import type { JsonObject, RequestId } from './jsonrpc.js';
import type { OutboundRequestOptions } from './request-context.js';

interface PendingHooks {
  settle(id: RequestId): void;
  cancel(id: RequestId, reason: string): void;
}

/** Bookkeeping for one request we sent: its timers, abort listener and promise. */
export class PendingRequest {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly startedAt: number;
  private readonly timeoutMs: number;
  private readonly onAbort: (() => void) | undefined;
  private settled = false;

  constructor(
    readonly id: RequestId,
    readonly method: string,
    private readonly options: OutboundRequestOptions,
    defaultTimeout: number,
    private readonly resolve: (value: JsonObject) => void,
    private readonly reject: (error: unknown) => void,
    private readonly hooks: PendingHooks,
  ) {
    this.timeoutMs = options.timeoutMs ?? defaultTimeout;
    this.startedAt = this.options.maxTotalTimeoutMs ? Date.now() : 0;
    this.arm();
    const signal = options.signal;
    if (signal) {
      this.onAbort = () => {
        this.hooks.cancel(id, abortReason(signal.reason));
        this.fail(new CancelledError(signal.reason));
      };
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  /** (Re)start the clock: the idle timeout or what is left of the total cap, whichever is sooner. */
  private arm(): void {
    const max = this.options.maxTotalTimeoutMs;
    const left = max ? max - (Date.now() - this.startedAt) : Number.POSITIVE_INFINITY;
    const totalMessage = `Request ${this.method} exceeded its maximum total time of ${max} ms`;
    if (left <= 0) {
      this.expire(totalMessage);
      return;
    }
    const idle = this.timeoutMs > 0 ? this.timeoutMs : Number.POSITIVE_INFINITY;
    const wait = Math.min(idle, left);
    if (!Number.isFinite(wait)) return;
    const message =
      wait === idle ? `Request ${this.method} timed out after ${this.timeoutMs} ms` : totalMessage;
    this.timer = setTimeout(() => this.expire(message), wait);
  }

  private expire(message: string): void {
    if (this.settled) return;
    this.hooks.cancel(this.id, message);
    this.fail(new TimeoutError(message, { timeoutMs: this.timeoutMs }));
  }

  /** Progress for this request; returns false when it did not ask for progress. */
  progress(params: JsonObject): boolean {
    const onProgress = this.options.onProgress;
    if (!onProgress || this.settled) return false;
    if (this.options.resetTimeoutOnProgress && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.arm();
      if (this.settled) return true;
    }
    const update: { progress: number; total?: number; message?: string } = {
      progress: params.progress as number,
    };
    if (typeof params.total === 'number') update.total = params.total;
    if (typeof params.message === 'string') update.message = params.message;
    onProgress(update);
    return true;
  }

  succeed(result: JsonObject): void {
    if (this.finish()) this.resolve(result);
  }

  fail(error: unknown): void {
    if (this.finish()) this.reject(error);
  }

  private finish(): boolean {
    if (this.settled) return false;
    this.settled = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.onAbort) this.options.signal?.removeEventListener('abort', this.onAbort);
    this.hooks.settle(this.id);
    return true;
  }
}

const abortReason = (reason: unknown): string =>
  reason instanceof Error
    ? reason.message
    : typeof reason === 'string'
      ? reason
      : 'Request cancelled';
