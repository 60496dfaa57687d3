import { ErrorCode, McpError } from '@mcpkit/core';
import { base64ToBytes, bytesToBase64Url } from './base64.js';

/** What a sealed `requestState` carries between rounds of one stateless-era request. */
export interface StatePayload {
  /** method and target (tool/prompt name or resource URI) the state belongs to */
  m: string;
  t: string;
  /** the answers gathered so far, by input key */
  a: Record<string, unknown>;
  /** the handler's own state from `inputRequired({ requestState })` */
  s?: string;
  /** `ctx.log.*()` / `ctx.progress()` calls earlier rounds made (a replay drops that many) */
  l?: number;
  p?: number;
  /** expiry, epoch ms */
  x: number;
}

const VERSION = 'v1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const invalidState = (why: string): McpError =>
  new McpError(ErrorCode.InvalidParams, `Invalid params: requestState ${why}`, {
    reason: 'invalid_request_state',
  });

/**
 * Seals and opens `requestState` with HMAC-SHA256 (WebCrypto): the client can carry it but not
 * change it. Without a configured secret a random per-process key is used.
 */
export class RequestStateCodec {
  private key: Promise<CryptoKey> | undefined;

  constructor(
    private readonly secret: string | Uint8Array | undefined,
    private readonly ttlMs: number,
  ) {}

  async seal(payload: Omit<StatePayload, 'x'>): Promise<string> {
    const body = bytesToBase64Url(
      encoder.encode(JSON.stringify({ ...payload, x: Date.now() + this.ttlMs })),
    );
    const mac = await crypto.subtle.sign(
      'HMAC',
      await this.cryptoKey(),
      encoder.encode(`${VERSION}.${body}`),
    );
    return `${VERSION}.${body}.${bytesToBase64Url(new Uint8Array(mac))}`;
  }

  /** Verify and read a state; throws -32602 `{ reason: 'invalid_request_state' }` when it is not ours. */
  async open(token: unknown, method: string, target: string): Promise<StatePayload> {
    if (typeof token !== 'string') throw invalidState('must be a string');
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) throw invalidState('is malformed');
    let mac: Uint8Array<ArrayBuffer>;
    let body: StatePayload;
    try {
      mac = base64ToBytes(parts[2]!);
    } catch {
      throw invalidState('failed verification');
    }
    const ok = await crypto.subtle.verify(
      'HMAC',
      await this.cryptoKey(),
      mac,
      encoder.encode(`${VERSION}.${parts[1]}`),
    );
    if (!ok) throw invalidState('failed verification');
    try {
      body = JSON.parse(decoder.decode(base64ToBytes(parts[1]!))) as StatePayload;
    } catch {
      throw invalidState('is malformed');
    }
    if (body.m !== method || body.t !== target) throw invalidState('belongs to another request');
    if (!(body.x > Date.now())) throw invalidState('has expired');
    return body;
  }

  private cryptoKey(): Promise<CryptoKey> {
    this.key ??= crypto.subtle.importKey(
      'raw',
      typeof this.secret === 'string'
        ? encoder.encode(this.secret)
        : new Uint8Array(this.secret ?? crypto.getRandomValues(new Uint8Array(32))),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return this.key;
  }
}
