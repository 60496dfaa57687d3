import {
  type CreateMessageResult,
  type ElicitResult,
  ErrorCode,
  type InputRequest,
  type JsonObject,
  LOGGING_LEVELS,
  type LoggingMessageNotificationParams,
  McpError,
  type Root,
} from '@mcpkit/core';
import type { RequestContext } from './context.js';
import { InputRequiredSignal } from './input-round.js';
import { askClient } from './interaction.js';
import type { Peer } from './peer.js';
import type { BackendHandlers } from './proxy-source.js';

/** Which of the backend's messages a proxy passes on to its own clients (all by default). */
export interface ProxyForwarding {
  sampling?: boolean;
  elicitation?: boolean;
  roots?: boolean;
  logging?: boolean;
  progress?: boolean;
}

/** What a backend connection reports about the backend as a whole. */
export interface BackendEvents {
  listChanged(kind: 'tools' | 'prompts' | 'resources'): void;
  resourceUpdated(uri: string): void;
}

const RANK = new Map<string, number>(LOGGING_LEVELS.map((level, i) => [level, i]));

/**
 * Where one backend connection's requests and notifications go: to the proxy-side request in
 * flight on it (the latest, when several are), else to the proxy-side connection it belongs to.
 * A stateless-era request cannot wait for its client: asking ends its round with input_required,
 * and the forwarded call is abandoned (the client's retry replays it with the answers).
 */
export class Route {
  private readonly active: RequestContext[] = [];
  private readonly waiting = new Map<RequestContext, () => void>();

  constructor(
    /** the proxy-side connection this backend connection serves, if only one */
    readonly peer: Peer | undefined,
    private readonly events: BackendEvents,
    private readonly forward: ProxyForwarding,
  ) {}

  /** A forwarded request starts; `onInputRequired` ends it when its client must be asked. */
  enter(ctx: RequestContext, onInputRequired: () => void): void {
    this.active.push(ctx);
    this.waiting.set(ctx, onInputRequired);
  }

  exit(ctx: RequestContext): void {
    const at = this.active.lastIndexOf(ctx);
    if (at >= 0) this.active.splice(at, 1);
    this.waiting.delete(ctx);
  }

  /** The client handlers of a connection on this route, limited to what the front can answer. */
  handlers(front: JsonObject | undefined): BackendHandlers {
    const can = (name: 'sampling' | 'elicitation' | 'roots') =>
      this.forward[name] !== false && (front === undefined || front[name] !== undefined);
    const handlers: BackendHandlers = {
      log: (params) => this.log(params),
      listChanged: (kind) => this.events.listChanged(kind),
      resourceUpdated: (uri) => this.events.resourceUpdated(uri),
      elicitationComplete: (elicitationId) =>
        this.notify('notifications/elicitation/complete', { elicitationId }),
    };
    if (can('sampling')) {
      handlers.sampling = async (params) =>
        (await this.ask({
          method: 'sampling/createMessage',
          params,
        } as InputRequest)) as unknown as CreateMessageResult;
    }
    if (can('elicitation')) {
      handlers.elicitation = async (params) =>
        (await this.ask({
          method: 'elicitation/create',
          params,
        } as InputRequest)) as unknown as ElicitResult;
    }
    if (can('roots')) {
      handlers.roots = async () =>
        (await this.ask({ method: 'roots/list' } as InputRequest)).roots as Root[];
    }
    return handlers;
  }

  private current(): RequestContext | undefined {
    return this.active[this.active.length - 1];
  }

  private async ask(request: InputRequest): Promise<JsonObject> {
    const ctx = this.current();
    if (ctx) {
      try {
        return await askClient(ctx, request);
      } catch (error) {
        if (error instanceof InputRequiredSignal) this.waiting.get(ctx)?.();
        throw error;
      }
    }
    const peer = this.peer;
    if (peer?.initialized) {
      return peer.session.request(request.method, request.params as JsonObject | undefined);
    }
    throw new McpError(
      ErrorCode.InvalidRequest,
      `The backend sent ${request.method} outside of a request this proxy can pass it on to`,
    );
  }

  private log(params: LoggingMessageNotificationParams): void {
    if (this.forward.logging === false) return;
    const ctx = this.current();
    if (ctx) {
      void ctx.sendLog(params.level, params.data, params.logger);
      return;
    }
    const peer = this.peer;
    if (!peer?.initialized) return;
    const threshold = peer.logLevel;
    if (threshold !== undefined && (RANK.get(params.level) ?? 0) < (RANK.get(threshold) ?? 0)) {
      return;
    }
    peer.session.notify('notifications/message', params as unknown as JsonObject).catch(() => {});
  }

  private notify(method: string, params: JsonObject): void {
    const ctx = this.current();
    const sent = ctx
      ? ctx.req.notify(method, params)
      : this.peer?.initialized
        ? this.peer.session.notify(method, params)
        : undefined;
    sent?.catch(() => {});
  }
}
