import {
  type ClientCapabilities,
  ErrorCode,
  envelopeMeta,
  type Implementation,
  type InputRequests,
  isStatelessVersion,
  type JsonObject,
  McpError,
  type OutboundRequestOptions,
  type Progress,
  type Session,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@mcpkit/core';
import type { CallOptions } from './client-types.js';
import type { ClientHandlers, Era } from './handlers.js';
import { answerInputRequest } from './input-requests.js';

/** The per-connection facts every outgoing request is built from. */
export interface RequestState {
  era: Era;
  protocolVersion: string;
  capabilities: ClientCapabilities;
  clientInfo: Implementation;
  logLevel: string | undefined;
}

const NEVER_ABORTED = new AbortController().signal;

/**
 * Sends requests the way the negotiated era wants them: the stateless era adds the
 * `_meta` envelope, retries once on -32022 with a version the server names, and runs
 * the MRTR loop (answer `inputRequests`, retry with a new id).
 */
export class Requester {
  constructor(
    private readonly session: Session,
    readonly state: RequestState,
    private readonly handlers: ClientHandlers,
    private readonly maxInputRounds: number,
  ) {}

  /** The params to put on the wire: caller `_meta`, then the envelope (stateless era). */
  params(
    params: JsonObject | undefined,
    meta: Record<string, unknown> | undefined,
  ): JsonObject | undefined {
    const stateless = this.state.era === 'stateless';
    if (!stateless && !meta) return params;
    const merged: JsonObject = { ...(params?._meta as JsonObject | undefined), ...meta };
    if (stateless) Object.assign(merged, envelopeMeta(this.envelope()));
    return { ...params, _meta: merged };
  }

  private envelope() {
    const { protocolVersion, capabilities, clientInfo, logLevel } = this.state;
    return {
      protocolVersion,
      clientCapabilities: capabilities as JsonObject,
      clientInfo: clientInfo as Implementation & { [key: string]: unknown },
      ...(logLevel ? { logLevel } : {}),
    };
  }

  sessionOptions(method: string, options: CallOptions): OutboundRequestOptions {
    const progress = this.handlers.progress;
    const onProgress =
      options.onProgress ?? (progress ? (p: Progress) => progress({ ...p, method }) : undefined);
    const out: OutboundRequestOptions = {};
    if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
    if (options.maxTotalTimeoutMs !== undefined) out.maxTotalTimeoutMs = options.maxTotalTimeoutMs;
    if (options.resetTimeoutOnProgress !== undefined)
      out.resetTimeoutOnProgress = options.resetTimeoutOnProgress;
    if (options.signal) out.signal = options.signal;
    if (onProgress) out.onProgress = onProgress;
    return out;
  }

  async request(
    method: string,
    params: JsonObject | undefined,
    options: CallOptions = {},
  ): Promise<JsonObject> {
    if (this.state.era === 'handshake') {
      return this.session.request(
        method,
        this.params(params, options.meta),
        this.sessionOptions(method, options),
      );
    }
    let retry: JsonObject | undefined;
    for (let rounds = 0; ; rounds++) {
      const result = await this.send(method, retry ? { ...params, ...retry } : params, options);
      // A result without resultType is complete (older servers).
      if (result.resultType !== 'input_required') return result;
      if (rounds >= this.maxInputRounds) {
        throw new McpError(
          ErrorCode.InternalError,
          `${method}: the server still asked for input after ${this.maxInputRounds} rounds; giving up`,
          { method, rounds: this.maxInputRounds },
        );
      }
      retry = await this.fulfil(result, options.signal);
    }
  }

  /** One stateless send, retried once with a version from -32022's `data.supported`. */
  private async send(
    method: string,
    params: JsonObject | undefined,
    options: CallOptions,
  ): Promise<JsonObject> {
    const sessionOptions = this.sessionOptions(method, options);
    try {
      return await this.session.request(method, this.params(params, options.meta), sessionOptions);
    } catch (error) {
      const version = versionToRetry(error);
      if (version === undefined) throw error;
      this.state.protocolVersion = version;
      return this.session.request(method, this.params(params, options.meta), sessionOptions);
    }
  }

  /** Answer every input request; the retry carries the answers and the byte-exact state. */
  private async fulfil(result: JsonObject, signal: AbortSignal | undefined): Promise<JsonObject> {
    const retry: JsonObject = {};
    const requests = result.inputRequests as InputRequests | undefined;
    if (requests && typeof requests === 'object') {
      const entries = Object.entries(requests);
      const answers = await Promise.all(
        entries.map(([key, req]) =>
          answerInputRequest(this.handlers, req?.method, req?.params as JsonObject | undefined, {
            signal: signal ?? NEVER_ABORTED,
            era: 'stateless',
            inputKey: key,
          }),
        ),
      );
      const responses: JsonObject = {};
      entries.forEach(([key], i) => {
        responses[key] = answers[i];
      });
      retry.inputResponses = responses;
    }
    if (typeof result.requestState === 'string') retry.requestState = result.requestState;
    return retry;
  }
}

/**
 * The version to retry with after -32022: the first stateless version the server
 * lists that we speak. The same version counts too: a server may reject a first try.
 */
export function versionToRetry(error: unknown): string | undefined {
  if (!(error instanceof McpError) || error.code !== ErrorCode.UnsupportedProtocolVersion)
    return undefined;
  const supported = (error.data as { supported?: unknown } | undefined)?.supported;
  if (!Array.isArray(supported)) return undefined;
  return supported.find(
    (v): v is string =>
      typeof v === 'string' && isStatelessVersion(v) && SUPPORTED_PROTOCOL_VERSIONS.includes(v),
  );
}
