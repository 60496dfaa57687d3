// The transport matrix: every transport the contract suite runs over, the era each speaks, and
// what a transport legitimately cannot do (with the reason the test states instead of skipping).
import { LATEST_HANDSHAKE_VERSION, STATELESS_PROTOCOL_VERSION } from '@mcpkit/core';
import { type Host, httpHost, memoryHost, sseHost, stdioHost } from './hosts.ts';

/** Things some transports cannot do. */
export type Ability =
  /** server→client requests (sampling, elicitation, roots) in the handshake era */
  | 'serverRequests'
  /** notifications that belong to no request: list_changed, resources/updated */
  | 'unrelatedNotifications'
  /** a log level that outlives the `logging/setLevel` request */
  | 'persistentLogLevel'
  /** telling the server a call was cancelled */
  | 'cancellation'
  /** a call's progress reaching the client before the call's result */
  | 'progressBeforeResult'
  /** a server-side session or process that outlives requests and ends with the client */
  | 'sessionEnd';

export interface TransportCase {
  readonly name: string;
  readonly era: 'handshake' | 'stateless';
  /** the protocol version the client must end up with */
  readonly protocolVersion: string;
  /** abilities this transport lacks, each with the reason */
  readonly cannot: Partial<Record<Ability, string>>;
  start(): Promise<Host>;
}

const NO_CHANNEL =
  'handshake-era stateless HTTP has no session: a POST is answered on its own and nothing can ' +
  'reach the client outside that POST';

export const TRANSPORTS: readonly TransportCase[] = [
  {
    name: 'memory',
    era: 'stateless',
    protocolVersion: STATELESS_PROTOCOL_VERSION,
    cannot: {},
    start: () => memoryHost('auto'),
  },
  {
    name: 'memory-handshake',
    era: 'handshake',
    protocolVersion: LATEST_HANDSHAKE_VERSION,
    cannot: {},
    start: () => memoryHost('handshake'),
  },
  {
    name: 'stdio',
    era: 'stateless',
    protocolVersion: STATELESS_PROTOCOL_VERSION,
    cannot: {},
    start: () => stdioHost('auto'),
  },
  {
    name: 'stdio-handshake',
    era: 'handshake',
    protocolVersion: LATEST_HANDSHAKE_VERSION,
    cannot: {},
    start: () => stdioHost('handshake'),
  },
  {
    name: 'http-stateful',
    era: 'handshake',
    protocolVersion: LATEST_HANDSHAKE_VERSION,
    cannot: {},
    start: () => httpHost({}, 'handshake'),
  },
  {
    name: 'http-stateless',
    era: 'handshake',
    protocolVersion: LATEST_HANDSHAKE_VERSION,
    cannot: {
      serverRequests: `${NO_CHANNEL}, so the server cannot send requests (the 2026 wire uses MRTR instead)`,
      unrelatedNotifications: `${NO_CHANNEL}: there is no standalone GET stream`,
      persistentLogLevel: `${NO_CHANNEL}, so logging/setLevel has nowhere to keep the level`,
      sessionEnd: 'no session: each POST stands alone',
    },
    start: () => httpHost({ sessions: 'stateless' }, 'handshake'),
  },
  {
    name: 'http-json',
    era: 'handshake',
    protocolVersion: LATEST_HANDSHAKE_VERSION,
    cannot: {
      progressBeforeResult:
        'JSON-response mode answers the POST with one JSON body, so progress travels on the GET ' +
        'stream and can arrive after the result, when the call no longer listens (best effort)',
    },
    start: () => httpHost({ jsonResponse: true }, 'handshake'),
  },
  {
    name: 'http-2026',
    era: 'stateless',
    protocolVersion: STATELESS_PROTOCOL_VERSION,
    cannot: { sessionEnd: 'no session: each POST stands alone' },
    start: () => httpHost({}, 'stateless'),
  },
  {
    name: 'sse',
    era: 'handshake',
    protocolVersion: LATEST_HANDSHAKE_VERSION,
    cannot: {},
    start: () => sseHost(),
  },
];
