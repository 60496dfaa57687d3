/** The stateless revision: no initialize, per-request `_meta`, `server/discover`. */
export const STATELESS_PROTOCOL_VERSION = '2026-07-28';
/** The newest handshake-era revision. */
export const LATEST_HANDSHAKE_VERSION = '2025-11-25';

/** Handshake-era revisions, newest first. */
export const HANDSHAKE_PROTOCOL_VERSIONS: readonly string[] = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
];

/** Every revision mcpkit speaks, newest first. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = [
  STATELESS_PROTOCOL_VERSION,
  ...HANDSHAKE_PROTOCOL_VERSIONS,
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for revisions of the stateless era (2026-07-28 and later). Dates compare as strings. */
export const isStatelessVersion = (version: string): boolean =>
  // Checked several times per HTTP request: the known revisions skip the regex.
  version === STATELESS_PROTOCOL_VERSION ||
  (version !== LATEST_HANDSHAKE_VERSION &&
    DATE.test(version) &&
    version >= STATELESS_PROTOCOL_VERSION);

/**
 * Server side of the handshake: echo the client's version when we speak it,
 * otherwise offer our newest handshake-era version (the client decides whether to stay).
 * @example negotiateProtocolVersion('2025-06-18') // '2025-06-18'
 */
export function negotiateProtocolVersion(
  requested: unknown,
  supported: readonly string[] = HANDSHAKE_PROTOCOL_VERSIONS,
): string {
  if (typeof requested === 'string' && supported.includes(requested)) return requested;
  const fallback = supported.find((v) => !isStatelessVersion(v));
  if (!fallback) throw new TypeError('No handshake-era protocol version is supported');
  return fallback;
}

/** What a negotiated version allows, for gating features on older peers. */
export function versionFeatures(version: string) {
  return {
    /** JSON-RPC batches must be accepted (2025-03-26 only) */
    batches: version === '2025-03-26',
    /** MCP-Protocol-Version HTTP header expected */
    protocolHeader: version >= '2025-06-18',
    /** structured tool output, elicitation, resource links, titles */
    structuredOutput: version >= '2025-06-18',
    /** icons, URL elicitation, sampling tools, tasks */
    icons: version >= '2025-11-25',
    stateless: isStatelessVersion(version),
  };
}
