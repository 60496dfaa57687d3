import {
  type ClientCapabilities,
  type Implementation,
  LATEST_HANDSHAKE_VERSION,
  type LoggingLevel,
  type Session,
} from '@mcpkit/core';

/** What the server knows about one handshake-era connection. */
export class Peer {
  /** set once `initialize` was answered */
  initialized = false;
  protocolVersion: string = LATEST_HANDSHAKE_VERSION;
  clientInfo: Implementation | undefined;
  clientCapabilities: ClientCapabilities = {};
  /** set by `logging/setLevel`; until then every level is sent */
  logLevel: LoggingLevel | undefined;
  /** URIs subscribed with `resources/subscribe` */
  readonly subscriptions = new Set<string>();

  constructor(readonly session: Session) {}
}
