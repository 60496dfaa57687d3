import {
  claimsStatelessEra,
  createSession,
  ErrorCode,
  InboundRequest,
  type JsonObject,
  type JsonRpcRequest,
  McpError,
  type RequestEnv,
  type ServerConnection,
  type Transport,
} from '@mcpkit/core';
import type { Attachments } from './attachments.js';
import { serveHandshake, serveStateless } from './dispatch.js';
import { Peer } from './peer.js';
import type { ServerCore } from './server-core.js';

/** A started server that keeps connections. */
export interface ConnectionHost extends ServerCore {
  readonly attachments: Attachments;
}

/** One connection (stdio, an HTTP session, memory): its own session and Peer. */
export async function openConnection(
  server: ConnectionHost,
  transport: Transport,
  connections: Set<ServerConnection>,
): Promise<ServerConnection> {
  let peer: Peer | undefined;
  const session = createSession({
    transport,
    onRequest: (req) =>
      claimsStatelessEra(req)
        ? serveStateless(server, req, undefined)
        : serveHandshake(server, req, peer),
    onNotification: (notification) => {
      if (peer) server.attachments.notification(peer, notification.method);
    },
    onClose: () => {
      if (peer) {
        server.notifier.removePeer(peer);
        for (const uri of peer.subscriptions) server.watchResource(uri, -1);
      }
      connections.delete(connection);
    },
  });
  peer = new Peer(session);
  const connection: ServerConnection = { session, close: () => session.close() };
  server.notifier.addPeer(peer);
  connections.add(connection);
  await session.start();
  return connection;
}

/** One self-contained request (stateless era, or stateless HTTP serving of old clients). */
export function handleAlone(
  server: ServerCore,
  request: JsonRpcRequest,
  env: RequestEnv,
): Promise<JsonObject> {
  const req = new InboundRequest(request, env.info, {
    notify: async (method, params) => {
      await env.notify(
        params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
      );
    },
    request: (method) =>
      Promise.reject(
        new McpError(
          ErrorCode.InvalidRequest,
          `Cannot send ${method} to the client: this request has no channel for it`,
        ),
      ),
  });
  const header = env.info?.headers?.['mcp-protocol-version'];
  return claimsStatelessEra(request, header)
    ? serveStateless(server, req, undefined)
    : serveHandshake(server, req, undefined);
}
