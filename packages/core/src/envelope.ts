import { ErrorCode, McpError } from './errors.js';
import type { JsonObject, JsonRpcRequest } from './jsonrpc.js';
import { isStatelessVersion, SUPPORTED_PROTOCOL_VERSIONS } from './protocol-version.js';
import { META_KEYS } from './spec/stateless.js';

/** Reserved `_meta` keys of the stateless era (the same object as `META_KEYS`). */
export const ENVELOPE_KEYS = META_KEYS;

/** The per-request envelope a 2026-07-28 client sends in `params._meta`. */
export interface RequestEnvelope {
  protocolVersion: string;
  clientCapabilities: JsonObject;
  clientInfo?: { name: string; version: string; [key: string]: unknown };
  /** opt-in to log notifications for this request, at this level and above */
  logLevel?: string;
}

/** Methods that exist only in the stateless era. */
const STATELESS_ONLY = new Set(['server/discover', 'subscriptions/listen']);

/**
 * Does this request claim the stateless era? Malformed claims count too, so
 * they get the stateless error ladder instead of a handshake-era answer.
 */
export function claimsStatelessEra(
  request: Pick<JsonRpcRequest, 'method' | 'params'>,
  headerVersion?: string,
): boolean {
  if (STATELESS_ONLY.has(request.method)) return true;
  if (headerVersion !== undefined && isStatelessVersion(headerVersion)) return true;
  const meta = request.params?._meta;
  if (typeof meta !== 'object' || meta === null) return false;
  return ENVELOPE_KEYS.protocolVersion in meta || ENVELOPE_KEYS.clientCapabilities in meta;
}

/**
 * Read and check the envelope of a stateless-era request.
 * Throws -32602 when `_meta` or a required key is missing, -32022 for an unsupported version.
 */
export function readEnvelope(
  params: JsonObject | undefined,
  supported: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS,
): RequestEnvelope {
  const meta = params?._meta;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new McpError(
      ErrorCode.InvalidParams,
      'Invalid params: the request has no _meta envelope',
      {
        envelope: { missing: ['_meta'] },
      },
    );
  }
  const m = meta as JsonObject;
  const version = m[ENVELOPE_KEYS.protocolVersion];
  const caps = m[ENVELOPE_KEYS.clientCapabilities];
  const missing: string[] = [];
  if (typeof version !== 'string') missing.push(ENVELOPE_KEYS.protocolVersion);
  if (typeof caps !== 'object' || caps === null || Array.isArray(caps))
    missing.push(ENVELOPE_KEYS.clientCapabilities);
  if (missing.length > 0) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `Invalid params: _meta is missing ${missing.join(' and ')}`,
      {
        envelope: { missing },
      },
    );
  }
  const stateless = supported.filter(isStatelessVersion);
  if (!stateless.includes(version as string)) {
    throw new McpError(
      ErrorCode.UnsupportedProtocolVersion,
      `Unsupported protocol version: ${String(version)}`,
      {
        supported: stateless,
        requested: version,
      },
    );
  }
  const envelope: RequestEnvelope = {
    protocolVersion: version as string,
    clientCapabilities: caps as JsonObject,
  };
  const info = m[ENVELOPE_KEYS.clientInfo];
  if (typeof info === 'object' && info !== null)
    envelope.clientInfo = info as RequestEnvelope['clientInfo'];
  const level = m[ENVELOPE_KEYS.logLevel];
  if (typeof level === 'string') envelope.logLevel = level;
  return envelope;
}

/** Build the `_meta` a stateless-era client puts on every request. */
export function envelopeMeta(envelope: RequestEnvelope): JsonObject {
  const meta: JsonObject = {
    [ENVELOPE_KEYS.protocolVersion]: envelope.protocolVersion,
    [ENVELOPE_KEYS.clientCapabilities]: envelope.clientCapabilities,
  };
  if (envelope.clientInfo) meta[ENVELOPE_KEYS.clientInfo] = envelope.clientInfo;
  if (envelope.logLevel) meta[ENVELOPE_KEYS.logLevel] = envelope.logLevel;
  return meta;
}

/**
 * Does the capability object declare what `required` asks for? Shapes nest like
 * ClientCapabilities, e.g. `{ sampling: {} }` or `{ elicitation: { url: {} } }`.
 */
export function hasCapability(declared: JsonObject | undefined, required: JsonObject): boolean {
  if (!declared) return false;
  for (const [key, need] of Object.entries(required)) {
    const have = declared[key];
    if (have === undefined || have === null || have === false) return false;
    if (typeof need === 'object' && need !== null && Object.keys(need).length > 0) {
      if (typeof have !== 'object' || !hasCapability(have as JsonObject, need as JsonObject))
        return false;
    }
  }
  return true;
}
