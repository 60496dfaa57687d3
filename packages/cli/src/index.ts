/**
 * @mcpkit/cli — the `mcpkit` command, and the pieces it is built from for scripts and tests.
 * @packageDocumentation
 */
export { CliError, type CliIo, type Command, UsageError } from './command.js';
export { type LoadedServer, loadServer, parseServerSpec, type ServerSpec } from './load-server.js';
export { MAIN_HELP, main } from './main.js';
export {
  type Manifest,
  readWireManifest,
  tidyManifest,
  type WireManifest,
} from './manifest.js';
