import type { NotificationParams, RequestId, RequestParams, Result, ResultMeta } from './base.js';
import type { ServerCapabilities } from './capabilities.js';
import type { ElicitRequestParams, ElicitResult } from './elicitation.js';
import type { ListRootsResult } from './roots.js';
import type { CreateMessageParams, CreateMessageResult } from './sampling.js';

// Additions of the 2026-07-28 (stateless) era.

/** Reserved `_meta` keys. */
export const META_KEYS = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  logLevel: 'io.modelcontextprotocol/logLevel',
  serverInfo: 'io.modelcontextprotocol/serverInfo',
  subscriptionId: 'io.modelcontextprotocol/subscriptionId',
  relatedTask: 'io.modelcontextprotocol/related-task',
} as const;

/** How to read a result: final, a request for input (MRTR), or a task handle (tasks extension). */
export type ResultType = 'complete' | 'input_required' | 'task';

/** `'public'` may be shared across authorization contexts; `'private'` may not. */
export type CacheScope = 'public' | 'private';

/** Cache hints on list and read results: required on the 2026-07-28 wire, absent before. */
export interface CacheHints {
  /** How long the result stays fresh, in milliseconds; 0 = immediately stale. */
  ttlMs?: number;
  cacheScope?: CacheScope;
}

/** A result that must carry cache hints. */
export interface CacheableResult extends Result {
  ttlMs: number;
  cacheScope: CacheScope;
}

/** Params of `server/discover`: only `_meta`. */
export type DiscoverParams = RequestParams;

/** Server identity travels in `_meta['io.modelcontextprotocol/serverInfo']`. */
export interface DiscoverResult extends CacheableResult {
  supportedVersions: string[];
  capabilities: ServerCapabilities;
  instructions?: string;
}

export interface ElicitInputRequest {
  method: 'elicitation/create';
  params: ElicitRequestParams;
}

export interface SamplingInputRequest {
  method: 'sampling/createMessage';
  params: CreateMessageParams;
}

export interface RootsInputRequest {
  method: 'roots/list';
  params?: RequestParams;
}

/** A request the client fulfils locally before retrying (no JSON-RPC id). */
export type InputRequest = ElicitInputRequest | SamplingInputRequest | RootsInputRequest;

/** The client's answer to one input request. */
export type InputResponse = ElicitResult | CreateMessageResult | ListRootsResult;

/** Input requests keyed by server-chosen ids. */
export interface InputRequests {
  [key: string]: InputRequest;
}

/** Answers keyed like the `InputRequests` they answer. */
export interface InputResponses {
  [key: string]: InputResponse;
}

/** Answer of `tools/call`, `prompts/get` or `resources/read` that needs input first; has at least one of the two fields. */
export interface InputRequiredResult extends Result {
  resultType: 'input_required';
  inputRequests?: InputRequests;
  /** Opaque to the client; echoed byte-exact on the retry. */
  requestState?: string;
}

/** Retry fields of a request answered with `input_required`. */
export interface InputResponseParams {
  inputResponses?: InputResponses;
  requestState?: string;
}

/** The notifications a `subscriptions/listen` stream opts in to. */
export interface SubscriptionFilter {
  toolsListChanged?: boolean;
  promptsListChanged?: boolean;
  resourcesListChanged?: boolean;
  /** URIs to receive `notifications/resources/updated` for. */
  resourceSubscriptions?: string[];
}

export interface SubscriptionsListenParams extends RequestParams {
  notifications: SubscriptionFilter;
}

/** Sent only when the server ends the subscription gracefully. */
export interface SubscriptionsListenResult extends Result {
  _meta: ResultMeta & { 'io.modelcontextprotocol/subscriptionId': RequestId };
}

/** Params of `notifications/subscriptions/acknowledged`: the subset the server honours. */
export interface SubscriptionAcknowledgedParams extends NotificationParams {
  notifications: SubscriptionFilter;
}
