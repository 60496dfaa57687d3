import type { JsonRpcNotification, JsonRpcRequest, JsonRpcResponse } from './jsonrpc.js';
import type { Session } from './session.js';
import type { MessageInfo, Transport } from './transport.js';

/** Everything one self-contained request may use besides its message. */
export interface RequestEnv {
  /** transport facts: headers, the abort signal of the carrying stream, session id */
  info?: MessageInfo;
  /** deliver a notification that belongs to this request (progress, logs, listen events) */
  notify(notification: JsonRpcNotification): void | Promise<void>;
}

/** One served connection. */
export interface ServerConnection {
  readonly session: Session;
  close(): Promise<void>;
}

/**
 * What transports need from a server definition, so transport packages depend
 * on core only. `@mcpkit/server`'s `createServer()` implements it.
 */
export interface ServerEndpoint {
  /** serve a long-lived connection (stdio, memory, a handshake-era HTTP session, legacy SSE) */
  connect(transport: Transport): Promise<ServerConnection>;
  /**
   * Answer one request that has no connection: a stateless-era request, or a
   * handshake-era request served statelessly. Resolves when the response is ready;
   * a `subscriptions/listen` call resolves only when `env.info.signal` aborts.
   */
  handle(request: JsonRpcRequest, env: RequestEnv): Promise<JsonRpcResponse>;
  /** the protocol versions this server speaks, newest first */
  readonly protocolVersions: readonly string[];
}

/** Is this value a server definition a transport can serve? */
export function isServerEndpoint(value: unknown): value is ServerEndpoint {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ServerEndpoint).connect === 'function' &&
    typeof (value as ServerEndpoint).handle === 'function'
  );
}
