import type { ServerEndpoint } from '@mcpkit/core';
import { type CreateClientOptions, connectSource } from './connect-source.js';
import { connectMulti, type MultiClient, type MultiClientOptions } from './multi-client.js';
import { isMcpServersConfig, type McpServersConfig, type ServerSource } from './source.js';
import type { Client, TypedServer, UntypedServer } from './typed.js';

/**
 * Connect to an MCP server (or several) and get a client typed from the server's definition.
 * The source decides the transport: a server object → in memory; an http(s) URL → Streamable
 * HTTP (legacy SSE for `/sse`); a command or script path → stdio; `{ mcpServers }` → several.
 * @example
 * const client = await createClient<typeof server>('http://127.0.0.1:8000/mcp');
 * const r = await client.callTool('greet', { name: 'Ada' }); // name and args checked
 * await client.close();
 */
export function createClient(
  config: McpServersConfig,
  options?: MultiClientOptions,
): Promise<MultiClient>;
export function createClient<S extends TypedServer & ServerEndpoint>(
  server: S,
  options?: CreateClientOptions,
): Promise<Client<S>>;
export function createClient<S extends TypedServer = UntypedServer>(
  source: ServerSource,
  options?: CreateClientOptions,
): Promise<Client<S>>;
export async function createClient(
  source: ServerSource | McpServersConfig,
  options?: MultiClientOptions,
): Promise<Client<TypedServer> | MultiClient> {
  if (isMcpServersConfig(source)) return connectMulti(source, options);
  // The typed facade is a compile-time view of the same client object.
  return (await connectSource(source, options)) as unknown as Client<TypedServer>;
}
