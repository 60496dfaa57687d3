export { DEFAULT_INHERITED_ENV_VARS, defaultChildEnv } from './child-env.js';
export { ChildProcessError, type ChildProcessErrorDetails } from './child-process-error.js';
export {
  type StdioClientTransport,
  type StdioClientTransportOptions,
  stdioClientTransport,
} from './client-transport.js';
export { DEFAULT_MAX_LINE_BYTES, LineFramer, type LineFramerOptions } from './line-framer.js';
export { LineWriter, type LineWriterOptions } from './line-writer.js';
export { isScriptPath, type ScriptCommand, scriptCommand } from './script-command.js';
export { type ServeStdioOptions, serveStdio } from './serve-stdio.js';
export { type StdioServerTransportOptions, stdioServerTransport } from './server-transport.js';
