import type { Readable, Writable } from 'node:stream';
import { INITIALIZE_PARAMS, type RpcClient, RpcError } from './rpc.js';

interface Waiter {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * Newline-delimited JSON-RPC over a child's stdin/stdout, written by hand: one
 * `JSON.stringify` and one write per request, one `JSON.parse` per answer line.
 */
export class StdioRpc implements RpcClient {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  private buffered = '';
  private failure: Error | undefined;

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.data(chunk));
    output.on('end', () => this.fail(new Error('the server closed its stdout')));
    input.on('error', (error: Error) => this.fail(error));
  }

  /** initialize + notifications/initialized */
  async initialize(): Promise<void> {
    await this.request('initialize', INITIALIZE_PARAMS);
    this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  }

  request(method: string, params: Record<string, unknown>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  callTool(name: string, args: Record<string, unknown>): Promise<unknown> {
    return this.request('tools/call', { name, arguments: args });
  }

  async close(): Promise<void> {
    this.input.end();
  }

  private send(message: unknown): void {
    this.input.write(`${JSON.stringify(message)}\n`);
  }

  private data(chunk: string): void {
    this.buffered += chunk;
    let start = 0;
    let nl = this.buffered.indexOf('\n');
    while (nl !== -1) {
      if (nl > start) this.line(this.buffered.slice(start, nl));
      start = nl + 1;
      nl = this.buffered.indexOf('\n', start);
    }
    this.buffered = this.buffered.slice(start);
  }

  private line(text: string): void {
    const message = JSON.parse(text) as {
      id?: number;
      method?: string;
      result?: unknown;
      error?: { code?: number; message?: string };
    };
    if (message.method !== undefined || message.id === undefined) return; // notifications
    const waiter = this.waiting.get(message.id);
    if (!waiter) throw new Error(`answer for unknown id ${message.id}`);
    this.waiting.delete(message.id);
    if (message.error) waiter.reject(new RpcError(message.error));
    else waiter.resolve(message.result);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
