import type { JsonRpcNotification, LoggingMessageNotificationParams } from '@mcpkit/core';
import { type ClientHandlers, LIST_CHANGED_KINDS } from './handlers.js';
import type { ListenRegistry } from './listen.js';

/**
 * Deliver an inbound notification: listen streams first, then the app's handlers.
 * A throwing handler is reported, never allowed to break the connection.
 */
export function createNotificationRouter(
  handlers: ClientHandlers,
  listeners: ListenRegistry,
  onError: (error: Error) => void,
): (notification: JsonRpcNotification) => void {
  return (notification) => {
    try {
      if (listeners.route(notification)) return;
      const { method, params } = notification;
      const kind = LIST_CHANGED_KINDS[method];
      if (kind) handlers.listChanged?.(kind);
      else if (method === 'notifications/message')
        handlers.log?.(params as unknown as LoggingMessageNotificationParams);
      else if (method === 'notifications/resources/updated')
        handlers.resourceUpdated?.(String(params?.uri));
      else if (method === 'notifications/elicitation/complete') {
        handlers.elicitationComplete?.(String(params?.elicitationId));
      } else handlers.notification?.(method, params);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
