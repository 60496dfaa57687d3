import { createSession, type InboundRequest, type JsonObject, type Transport } from '@mcpkit/core';
import { CoreClient } from './client.js';
import type { ClientOptions } from './client-types.js';
import { buildCapabilities, type Era } from './handlers.js';
import { answerInputRequest } from './input-requests.js';
import { ListenRegistry } from './listen.js';
import { negotiate } from './negotiate.js';
import { createNotificationRouter } from './notifications.js';
import { Requester } from './requester.js';

const DEFAULT_CLIENT_INFO = { name: 'mcpkit-client', version: '0.1.0' };

/**
 * Connect over a transport and settle the protocol era (`mode: 'auto'` probes
 * `server/discover`, then falls back to the `initialize` handshake).
 * @example
 * const client = await connectClient(transport, { handlers: { elicitation: askUser } });
 * const tools = await client.listTools();
 */
export async function connectClient(
  transport: Transport,
  options: ClientOptions = {},
): Promise<CoreClient> {
  const handlers = options.handlers ?? {};
  const onError = options.onError ?? (() => {});
  const listeners = new ListenRegistry();
  let era: Era = 'handshake';
  const onRequest = (req: InboundRequest): JsonObject | Promise<JsonObject> => {
    // Peers may ping in the handshake era; answering costs nothing in the other.
    if (req.method === 'ping') return {};
    return answerInputRequest(handlers, req.method, req.params, {
      signal: req.signal,
      era,
      requestId: req.id,
    });
  };
  const session = createSession({
    transport: listeners.watch(transport),
    onRequest,
    onNotification: createNotificationRouter(handlers, listeners, onError),
    onError,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  await session.start();
  const clientInfo = options.clientInfo ?? DEFAULT_CLIENT_INFO;
  const capabilities = (forEra: Era) => buildCapabilities(handlers, forEra, options.capabilities);
  try {
    const negotiated = await negotiate(session, {
      mode: options.mode ?? 'auto',
      cacheKey: options.cacheKey,
      clientInfo,
      capabilities,
      logLevel: options.logLevel,
    });
    era = negotiated.era;
    const requester = new Requester(
      session,
      {
        era,
        protocolVersion: negotiated.protocolVersion,
        capabilities: capabilities(era),
        clientInfo,
        logLevel: options.logLevel,
      },
      handlers,
      options.maxInputRounds ?? 8,
    );
    const client = new CoreClient(
      session,
      requester,
      negotiated,
      listeners,
      options.maxPages ?? 100,
    );
    if (era === 'handshake' && options.logLevel && negotiated.capabilities.logging) {
      await client.setLoggingLevel(options.logLevel);
    }
    return client;
  } catch (error) {
    await session.close();
    throw error;
  }
}
