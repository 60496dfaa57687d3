export { type NodeHttpHandler, toNodeHandler } from './node-handler.js';
export type { HttpServerHandle, ServeHttpOptions } from './serve-http.js';
export { serveHttp } from './serve-http.js';
