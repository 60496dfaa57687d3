import type {
  ClientCapabilities,
  CreateMessageParams,
  CreateMessageResult,
  ElicitRequestParams,
  ElicitResult,
  LoggingMessageNotificationParams,
  Progress,
  RequestId,
  Root,
} from '@mcpkit/core';

/** Which era a connected client speaks. */
export type Era = 'stateless' | 'handshake';

/** What a handler learns about the request it answers. */
export interface HandlerContext {
  /** aborted when the server cancels (handshake era) or the caller aborts the call (stateless era) */
  signal: AbortSignal;
  era: Era;
  /** handshake era: the JSON-RPC id of the server's request */
  requestId?: RequestId;
  /** stateless era: the key of the input request in `inputRequests` */
  inputKey?: string;
}

/** The lists a server can announce as changed. */
export type ListKind = 'tools' | 'prompts' | 'resources';

/** `notifications/<kind>/list_changed` → kind. */
export const LIST_CHANGED_KINDS: Readonly<Record<string, ListKind>> = {
  'notifications/tools/list_changed': 'tools',
  'notifications/prompts/list_changed': 'prompts',
  'notifications/resources/list_changed': 'resources',
};

/**
 * Callbacks the app supplies. The client declares a capability for each of
 * `sampling`, `elicitation` and `roots` it is given.
 */
export interface ClientHandlers {
  /** answers `sampling/createMessage` (an LLM call on the server's behalf) */
  sampling?: (
    params: CreateMessageParams,
    ctx: HandlerContext,
  ) => CreateMessageResult | Promise<CreateMessageResult>;
  /**
   * answers `elicitation/create` (form or URL mode). On `accept` of a form,
   * schema `default`s fill the fields the handler left out (SEP-1034).
   */
  elicitation?: (
    params: ElicitRequestParams,
    ctx: HandlerContext,
  ) => ElicitResult | Promise<ElicitResult>;
  /** the roots offered to the server: a fixed list or a function */
  roots?: readonly Root[] | ((ctx: HandlerContext) => readonly Root[] | Promise<readonly Root[]>);
  /** `notifications/message` */
  log?: (params: LoggingMessageNotificationParams) => void;
  /** progress of every call that has no `onProgress` of its own */
  progress?: (progress: Progress & { method: string }) => void;
  /** `notifications/{tools,prompts,resources}/list_changed` outside a `listen()` stream */
  listChanged?: (kind: ListKind) => void;
  /** `notifications/resources/updated` outside a `listen()` stream */
  resourceUpdated?: (uri: string) => void;
  /** handshake era: `notifications/elicitation/complete` for a URL elicitation */
  elicitationComplete?: (elicitationId: string) => void;
  /** any other notification */
  notification?: (method: string, params: Record<string, unknown> | undefined) => void;
}

/** Declare the client capabilities the given handlers can serve, plus explicit extras. */
export function buildCapabilities(
  handlers: ClientHandlers,
  era: Era,
  extra: ClientCapabilities | undefined,
): ClientCapabilities {
  const caps: ClientCapabilities = {};
  if (handlers.sampling) caps.sampling = {};
  if (handlers.elicitation) caps.elicitation = { form: {}, url: {} };
  // roots/list_changed does not exist in the stateless era, so listChanged is handshake-only.
  if (handlers.roots) caps.roots = era === 'handshake' ? { listChanged: true } : {};
  return extra ? { ...caps, ...extra } : caps;
}
