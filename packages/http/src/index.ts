export type { FetchLike } from './client-fetch.js';
export { HttpError } from './client-http-error.js';
export {
  type HttpClientTransport,
  type HttpClientTransportOptions,
  httpClientTransport,
} from './client-transport.js';
export type { CorsOptions } from './cors.js';
export {
  createMemoryEventStore,
  type EventStore,
  type MemoryEventStoreOptions,
} from './event-store.js';
export { createHostGuard, type HostGuard, type HostGuardOptions } from './host-guard.js';
export type { HttpMessageInfo } from './http-session.js';
export type { HttpHandlerOptions } from './options.js';
export { createHttpHandler, type HttpHandler } from './web-handler.js';
