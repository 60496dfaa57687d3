import { type JsonRpcMessage, type JsonRpcResponse, serializeMessage } from '@mcpkit/core';
import type { EventStore } from './event-store.js';
import type { HttpExchangeResponse } from './exchange.js';
import { JSON_HEADERS } from './reply.js';
import { SSE_HEADERS, SseWriter, sseMessage, ssePriming } from './sse-writer.js';

/** What a stream needs from its session. */
export interface StreamHost {
  readonly store: EventStore | undefined;
  readonly keepAliveMs: number;
  readonly retryMs: number;
  /** does the session's negotiated version understand priming events (2025-11-25+)? */
  primes(): boolean;
  /** every response went out: forget the stream's routing entries */
  finished(stream: RequestStream): void;
}

/** Undelivered standalone events kept for the next GET when no event store is used. */
const MAX_BACKLOG = 1000;

type Event = [id: string | undefined, text: string];

/**
 * One logical server→client stream of a handshake-era session: the answer to one POST
 * (ends after its last response) or the standalone GET stream (never ends by itself).
 * The HTTP connection carrying it may come and go: events are stored first, then
 * written to whichever connection is attached, so `Last-Event-ID` can resume it.
 */
export class RequestStream {
  /** responses still owed (POST streams) */
  remaining: number;
  done = false;
  private mode: 'pending' | 'json' | 'sse';
  private res: HttpExchangeResponse | undefined;
  private writer: SseWriter | undefined;
  private collected: JsonRpcResponse[] | undefined;
  private tail: Promise<void> | undefined;
  /** live events held while a resumed connection replays */
  private held: Event[] | undefined;
  private backlog: Event[] | undefined;

  constructor(
    private readonly host: StreamHost,
    readonly streamId: string,
    post:
      | { res: HttpExchangeResponse; requests: number; batch: boolean; jsonOnly: boolean }
      | undefined,
    private readonly headers: Record<string, string>,
  ) {
    this.res = post?.res;
    this.remaining = post?.requests ?? 0;
    this.mode = post ? 'pending' : 'sse';
    this.batch = post?.batch ?? false;
    this.jsonOnly = post?.jsonOnly ?? false;
    if (!post) this.backlog = [];
  }

  private readonly batch: boolean;
  private readonly jsonOnly: boolean;

  get connected(): boolean {
    return this.writer !== undefined;
  }

  /** Carry `message`; false when this stream cannot (JSON-only streams carry responses only). */
  deliver(message: JsonRpcMessage): boolean {
    if (this.done) return false;
    if ('method' in message) {
      if (this.jsonOnly) return false;
      this.ensureSse(false);
      this.emit(message);
      return true;
    }
    this.remaining--;
    if (this.mode === 'pending') {
      this.collected ??= [];
      this.collected.push(message);
      if (this.remaining <= 0) this.answerJson();
      return true;
    }
    this.emit(message);
    if (this.remaining <= 0 && !this.backlog) this.finish();
    return true;
  }

  /** Answer with an event stream now rather than waiting to see if JSON would do. */
  startSse(): void {
    if (!this.jsonOnly) this.ensureSse(false);
  }

  /**
   * End the HTTP connection but not the stream (SSE polling): the client reconnects
   * with GET + `Last-Event-ID` after the `retry` delay and gets the rest.
   */
  closeConnection(): void {
    if (this.done || this.jsonOnly) return;
    this.ensureSse(true);
    this.afterEmits(() => this.dropWriter(true));
  }

  /** Attach a GET connection to the standalone stream; flushes what waited for it. */
  open(res: HttpExchangeResponse, headers: Record<string, string>): void {
    this.attach(res, headers);
    if (this.host.store && this.host.primes()) this.emit(null);
    const backlog = this.backlog?.splice(0) ?? [];
    for (const [, text] of backlog) this.writer?.write(text);
  }

  /**
   * Attach a resuming connection: write `replayed` (already stored events), then go live.
   * `catchUp` fetches events stored while the replay ran; ids seen twice are written once.
   */
  async resume(
    res: HttpExchangeResponse,
    headers: Record<string, string>,
    replayed: Array<[string, JsonRpcMessage]>,
    catchUp: (after: string | undefined) => Promise<Array<[string, JsonRpcMessage]>>,
  ): Promise<void> {
    this.held = [];
    this.attach(res, headers);
    const more = await catchUp(replayed.at(-1)?.[0]);
    const held = this.held;
    this.held = undefined;
    const seen = new Set<string>();
    for (const [id, message] of [...replayed, ...more]) {
      if (seen.has(id)) continue;
      seen.add(id);
      this.writer?.write(sseMessage(serializeMessage(message), id));
    }
    for (const [id, text] of held) if (id === undefined || !seen.has(id)) this.writer?.write(text);
    this.backlog?.splice(0);
    if (this.done) this.afterEmits(() => this.dropWriter(true));
  }

  /** The session ended: close whatever connection is attached. */
  terminate(): void {
    if (this.mode === 'pending' && this.res) {
      // Nothing was sent yet: answer so the client is not left hanging.
      this.res.send(
        404,
        { ...this.headers, ...JSON_HEADERS },
        '{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Session terminated"}}',
      );
      this.res = undefined;
    }
    this.done = true;
    this.dropWriter(true);
  }

  private attach(res: HttpExchangeResponse, headers: Record<string, string>): void {
    this.dropWriter(true);
    this.mode = 'sse';
    const writer = new SseWriter(
      res.stream(200, { ...headers, ...SSE_HEADERS }),
      this.host.keepAliveMs,
    );
    this.writer = writer;
    res.onDisconnect(() => {
      writer.detach();
      if (this.writer === writer) this.writer = undefined;
    });
  }

  private ensureSse(forcePriming: boolean): void {
    if (this.mode !== 'pending' || !this.res) return;
    const res = this.res;
    this.res = undefined;
    this.attach(res, this.headers);
    if (this.host.store && (forcePriming || this.host.primes())) this.emit(null);
    for (const response of this.collected?.splice(0) ?? []) this.emit(response);
    if (this.remaining <= 0) this.finish();
  }

  private answerJson(): void {
    const res = this.res;
    this.res = undefined;
    this.mode = 'json';
    const collected = this.collected ?? [];
    const body = this.batch
      ? JSON.stringify(collected)
      : serializeMessage(collected[0] as JsonRpcResponse);
    res?.send(200, { ...this.headers, ...JSON_HEADERS }, body);
    this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.host.finished(this);
    // A resume in progress ends the connection itself once its replay is written.
    if (!this.held) this.afterEmits(() => this.dropWriter(true));
  }

  private dropWriter(end: boolean): void {
    const writer = this.writer;
    this.writer = undefined;
    if (end) writer?.end();
  }

  /** Store, then write: the id a client resumes from must already be stored. */
  private emit(message: JsonRpcMessage | null): void {
    const store = this.host.store;
    if (!store) {
      if (message) this.write([undefined, sseMessage(serializeMessage(message))]);
      return;
    }
    if (this.tail) {
      this.tail = this.tail.then(() => this.storeAndWrite(store, message));
      return;
    }
    let id: string | Promise<string>;
    try {
      id = store.storeEvent(this.streamId, message);
    } catch {
      id = '';
    }
    if (typeof id === 'string') this.writeEvent(id, message);
    else this.tail = this.storeAndWrite(store, message, id);
  }

  private async storeAndWrite(
    store: EventStore,
    message: JsonRpcMessage | null,
    pending?: Promise<string>,
  ): Promise<void> {
    let id = '';
    try {
      id = await (pending ?? store.storeEvent(this.streamId, message));
    } catch {
      // An unstored event still goes out, just without an id to resume from.
    }
    this.writeEvent(id, message);
  }

  private writeEvent(id: string, message: JsonRpcMessage | null): void {
    if (message === null) {
      if (id !== '') this.write([id, ssePriming(id, this.host.retryMs)]);
      return;
    }
    const eventId = id === '' ? undefined : id;
    this.write([eventId, sseMessage(serializeMessage(message), eventId)]);
  }

  private write(event: Event): void {
    if (this.held) this.held.push(event);
    else if (this.writer) this.writer.write(event[1]);
    else if (this.backlog && this.backlog.length < MAX_BACKLOG) this.backlog.push(event);
  }

  private afterEmits(fn: () => void): void {
    if (this.tail) this.tail = this.tail.then(fn);
    else fn();
  }
}
