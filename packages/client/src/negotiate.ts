import {
  CancelledError,
  type ClientCapabilities,
  ConnectionClosedError,
  ENVELOPE_KEYS,
  ErrorCode,
  envelopeMeta,
  HANDSHAKE_PROTOCOL_VERSIONS,
  type Implementation,
  isStatelessVersion,
  type JsonObject,
  LATEST_HANDSHAKE_VERSION,
  McpError,
  type ServerCapabilities,
  type Session,
  STATELESS_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@mcpkit/core';
import type { EraMode } from './client-types.js';
import type { Era } from './handlers.js';
import { versionToRetry } from './requester.js';

/** What the client learnt about the server while settling on an era. */
export interface Negotiated {
  era: Era;
  protocolVersion: string;
  serverInfo: Implementation;
  capabilities: ServerCapabilities;
  instructions: string | undefined;
}

export interface NegotiateOptions {
  mode: EraMode;
  cacheKey: string | undefined;
  clientInfo: Implementation;
  capabilities: (era: Era) => ClientCapabilities;
  logLevel: string | undefined;
}

// Probing costs a round trip and a failed request per connection; remember who is old.
const verdicts = new Map<string, Era>();

/**
 * Settle the era: probe `server/discover` with the stateless envelope and fall back
 * to the `initialize` handshake on any answer that is not a modern one.
 */
export async function negotiate(session: Session, options: NegotiateOptions): Promise<Negotiated> {
  const { cacheKey } = options;
  const cached = cacheKey === undefined ? undefined : verdicts.get(cacheKey);
  const mode = options.mode === 'auto' && cached === 'handshake' ? 'handshake' : options.mode;
  if (mode !== 'handshake') {
    const outcome = await discover(session, options);
    if (!(outcome instanceof Error)) {
      if (cacheKey !== undefined) verdicts.set(cacheKey, 'stateless');
      return outcome;
    }
    if (mode === 'stateless') throw outcome;
  }
  const negotiated = await initialize(session, options);
  if (cacheKey !== undefined) verdicts.set(cacheKey, 'handshake');
  return negotiated;
}

/** Resolves to the negotiated facts, or to the error that says "not a modern server". */
async function discover(session: Session, options: NegotiateOptions): Promise<Negotiated | Error> {
  let version = STATELESS_PROTOCOL_VERSION;
  let result: JsonObject | undefined;
  for (let attempt = 0; result === undefined; attempt++) {
    const _meta = envelopeMeta({
      protocolVersion: version,
      clientCapabilities: options.capabilities('stateless') as JsonObject,
      clientInfo: options.clientInfo as Implementation & JsonObject,
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    });
    try {
      result = await session.request('server/discover', { _meta });
    } catch (error) {
      // A dead connection or the caller's abort is not an answer about the era.
      if (error instanceof ConnectionClosedError || error instanceof CancelledError) throw error;
      const retry = attempt === 0 ? versionToRetry(error) : undefined;
      if (retry === undefined) return error instanceof Error ? error : new Error(String(error));
      version = retry;
    }
  }
  const supported = result.supportedVersions;
  if (!Array.isArray(supported)) {
    return new McpError(
      ErrorCode.InvalidRequest,
      'server/discover answered without supportedVersions',
    );
  }
  const chosen = supported.includes(version)
    ? version
    : supported.find(
        (v): v is string =>
          typeof v === 'string' && isStatelessVersion(v) && SUPPORTED_PROTOCOL_VERSIONS.includes(v),
      );
  if (chosen === undefined) {
    return new McpError(
      ErrorCode.UnsupportedProtocolVersion,
      `No common stateless protocol version (server: ${supported.join(', ')})`,
    );
  }
  const meta = result._meta as JsonObject | undefined;
  return {
    era: 'stateless',
    protocolVersion: chosen,
    serverInfo: identity(meta?.[ENVELOPE_KEYS.serverInfo] ?? result.serverInfo),
    capabilities: (result.capabilities ?? {}) as ServerCapabilities,
    instructions: typeof result.instructions === 'string' ? result.instructions : undefined,
  };
}

async function initialize(session: Session, options: NegotiateOptions): Promise<Negotiated> {
  const result = await session.request('initialize', {
    protocolVersion: LATEST_HANDSHAKE_VERSION,
    capabilities: options.capabilities('handshake') as JsonObject,
    clientInfo: options.clientInfo as Implementation & JsonObject,
  });
  const version = result.protocolVersion;
  if (typeof version !== 'string' || !HANDSHAKE_PROTOCOL_VERSIONS.includes(version)) {
    throw new McpError(
      ErrorCode.InvalidRequest,
      `The server answered initialize with protocol version ${JSON.stringify(version)}, which this client ` +
        `does not speak (it speaks ${HANDSHAKE_PROTOCOL_VERSIONS.join(', ')})`,
      { requested: LATEST_HANDSHAKE_VERSION, answered: version },
    );
  }
  await session.notify('notifications/initialized');
  return {
    era: 'handshake',
    protocolVersion: version,
    serverInfo: identity(result.serverInfo),
    capabilities: (result.capabilities ?? {}) as ServerCapabilities,
    instructions: typeof result.instructions === 'string' ? result.instructions : undefined,
  };
}

const identity = (value: unknown): Implementation =>
  typeof value === 'object' && value !== null
    ? (value as Implementation)
    : { name: '', version: '' };
