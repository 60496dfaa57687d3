import type { RequestId } from '@mcpkit/core';
import { readSse } from './client-sse.js';

/** What one logical server stream has shown so far. */
export interface StreamState {
  /** requests whose responses this stream still owes */
  pending: Set<unknown>;
  lastEventId?: string;
  /** the server's `retry:` advice, in ms */
  retryMs?: number;
  /** something arrived since the last (re)connect */
  progressed: boolean;
}

export interface FollowerHooks {
  signal: AbortSignal;
  reconnect: { maxAttempts?: number; initialDelayMs?: number; maxDelayMs?: number };
  open(lastEventId: string | undefined): Promise<Response>;
  deliver(text: string, state: StreamState): void;
  error(error: Error): void;
  fail(ids: RequestId[], reason: string): void;
}

/**
 * Reads event streams and keeps them going: a POST stream that ends before its
 * response is resumed with GET + `Last-Event-ID` after the server's `retry` delay
 * (SSE polling), and the standalone GET stream is reopened. Attempts are bounded;
 * any event resets the count.
 */
export class StreamFollower {
  constructor(private readonly hooks: FollowerHooks) {}

  /** Follow a POST's event stream; `resumable` is false in the stateless era (no redelivery). */
  async response(
    body: ReadableStream<Uint8Array>,
    ids: RequestId[],
    options: { resumable: boolean; signal: AbortSignal },
  ): Promise<void> {
    const state: StreamState = { pending: new Set(ids), progressed: false };
    await this.read(body, state);
    // An aborted call was cancelled by its caller (or the transport closed): no answer is owed.
    if (options.signal.aborted || state.pending.size === 0) return;
    if (options.resumable && state.lastEventId !== undefined) return this.follow(state, false);
    this.hooks.fail(
      ids.filter((id) => state.pending.has(id)),
      'The server closed the response stream before answering',
    );
  }

  /** Keep the standalone GET stream open until the transport closes. */
  standalone(): Promise<void> {
    return this.follow({ pending: new Set(), progressed: false }, true);
  }

  private async follow(state: StreamState, standalone: boolean): Promise<void> {
    const { maxAttempts = 5, initialDelayMs = 1000, maxDelayMs = 30_000 } = this.hooks.reconnect;
    const pendingIds = () => [...state.pending] as RequestId[];
    let attempts = 0;
    let wait = !standalone;
    while (!this.hooks.signal.aborted && (standalone || state.pending.size > 0)) {
      if (attempts >= maxAttempts) {
        const reason = `The event stream could not be re-established after ${attempts} attempts`;
        if (standalone) this.hooks.error(new Error(reason));
        else this.hooks.fail(pendingIds(), reason);
        return;
      }
      if (wait)
        await this.delay(state.retryMs ?? Math.min(initialDelayMs * 1.5 ** attempts, maxDelayMs));
      wait = true;
      if (this.hooks.signal.aborted) return;
      attempts++;
      let res: Response;
      try {
        res = await this.hooks.open(state.lastEventId);
      } catch {
        continue;
      }
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok || !res.body || !type.includes('text/event-stream')) {
        await res.body?.cancel().catch(() => {});
        // 405: no GET stream offered; 404: session gone; 409: another GET stream is open.
        if ([404, 405, 409].includes(res.status)) {
          if (!standalone)
            this.hooks.fail(pendingIds(), `Cannot resume the response stream: HTTP ${res.status}`);
          return;
        }
        continue;
      }
      state.progressed = false;
      await this.read(res.body, state);
      if (state.progressed) attempts = 0;
    }
  }

  private async read(body: ReadableStream<Uint8Array>, state: StreamState): Promise<void> {
    try {
      await readSse(body, {
        event: (event) => {
          if (event.id !== undefined) state.lastEventId = event.id;
          state.progressed = true;
          if (event.data !== '') this.hooks.deliver(event.data, state);
        },
        retry: (ms) => {
          state.retryMs = ms;
        },
      });
    } catch {
      // A broken connection is handled like an ended one: resume if anything is owed.
    }
  }

  private delay(ms: number): Promise<void> {
    const signal = this.hooks.signal;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
