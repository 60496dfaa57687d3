// The standard client every contract connection uses: fixed answers to server→client requests,
// and a record of what the server sent (logs) and how it asked (request or MRTR input).
import type { ClientHandlers, ClientOptions, HandlerContext } from '@mcpkit/client';
import type { LoggingMessageNotificationParams } from '@mcpkit/core';

/** How the server asked for input: a real request (handshake) or an MRTR input request (2026). */
export interface Asked {
  kind: 'elicitation' | 'sampling' | 'roots';
  era: HandlerContext['era'];
  via: 'request' | 'input' | 'neither';
}

/** What one connection's handlers saw. */
export interface ClientEvents {
  logs: LoggingMessageNotificationParams[];
  asked: Asked[];
}

/** The roots every standard client offers. */
export const ROOTS = [
  { uri: 'file:///work/alpha', name: 'alpha' },
  { uri: 'file:///work/beta', name: 'beta' },
];

/** The elicited name every standard client answers with. */
export const ELICITED_NAME = 'Ada';

const via = (ctx: HandlerContext): Asked['via'] =>
  ctx.requestId !== undefined ? 'request' : ctx.inputKey !== undefined ? 'input' : 'neither';

/** Client options with recording handlers; `logLevel: 'info'` unless overridden. */
export function standardClientOptions(events: ClientEvents): ClientOptions {
  const handlers: ClientHandlers = {
    elicitation: (_params, ctx) => {
      events.asked.push({ kind: 'elicitation', era: ctx.era, via: via(ctx) });
      return { action: 'accept', content: { name: ELICITED_NAME } };
    },
    sampling: (params, ctx) => {
      events.asked.push({ kind: 'sampling', era: ctx.era, via: via(ctx) });
      const first = params.messages[0]?.content;
      const prompt = first && !Array.isArray(first) && first.type === 'text' ? first.text : '?';
      return {
        role: 'assistant',
        content: { type: 'text', text: `sampled: ${prompt}` },
        model: 'contract-model',
        stopReason: 'endTurn',
      };
    },
    roots: (ctx) => {
      events.asked.push({ kind: 'roots', era: ctx.era, via: via(ctx) });
      return ROOTS;
    },
    log: (params) => events.logs.push(params),
  };
  return {
    clientInfo: { name: 'contract-client', version: '9.9.9' },
    logLevel: 'info',
    handlers,
  };
}

/** A fresh, empty record. */
export const newEvents = (): ClientEvents => ({ logs: [], asked: [] });
