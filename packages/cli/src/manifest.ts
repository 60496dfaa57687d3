import {
  createMemoryTransportPair,
  createSession,
  type InitializeResult,
  type JsonObject,
  LATEST_HANDSHAKE_VERSION,
  type Prompt,
  type Resource,
  type ResourceTemplate,
  type ServerEndpoint,
  type Tool,
} from '@mcpkit/core';

/** `inspect --format mcp`: each answer exactly as the wire carries it, keyed by method. */
export interface WireManifest {
  initialize: InitializeResult;
  'tools/list'?: { tools: Tool[] };
  'resources/list'?: { resources: Resource[] };
  'resources/templates/list'?: { resourceTemplates: ResourceTemplate[] };
  'prompts/list'?: { prompts: Prompt[] };
}

/** `inspect --format mcpkit`: one tidy object. */
export interface Manifest {
  server: InitializeResult['serverInfo'] & {
    instructions?: string;
    protocolVersion: string;
    capabilities: InitializeResult['capabilities'];
  };
  tools: Tool[];
  resources: Resource[];
  resourceTemplates: ResourceTemplate[];
  prompts: Prompt[];
}

const LISTS = [
  ['tools', 'tools/list', 'tools'],
  ['resources', 'resources/list', 'resources'],
  ['resources', 'resources/templates/list', 'resourceTemplates'],
  ['prompts', 'prompts/list', 'prompts'],
] as const;

// Bounds a server whose cursors never end.
const MAX_PAGES = 100;

/**
 * Ask a server for everything it offers, over an in-memory handshake-era connection that
 * round-trips every message through JSON, so the answers are what a wire client would read.
 * Lists the server does not declare a capability for are left out.
 * @example
 * const wire = await readWireManifest(server);
 */
export async function readWireManifest(server: ServerEndpoint): Promise<WireManifest> {
  const [clientSide, serverSide] = createMemoryTransportPair({ serialize: true });
  const connection = await server.connect(serverSide);
  const session = createSession({ transport: clientSide, timeoutMs: 30_000 });
  try {
    await session.start();
    const initialize = await session.request<InitializeResult & JsonObject>('initialize', {
      protocolVersion: LATEST_HANDSHAKE_VERSION,
      capabilities: {},
      clientInfo: { name: 'mcpkit-inspect', version: '0.0.0' },
    });
    await session.notify('notifications/initialized');
    const manifest: WireManifest = { initialize };
    const capabilities = initialize.capabilities as Record<string, unknown>;
    for (const [capability, method, key] of LISTS) {
      if (capabilities[capability] === undefined) continue;
      const items = await listAll(session, method, key);
      Object.assign(manifest, { [method]: { [key]: items } });
    }
    return manifest;
  } finally {
    await session.close();
    await connection.close();
  }
}

async function listAll(
  session: ReturnType<typeof createSession>,
  method: string,
  key: string,
): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await session.request(method, cursor === undefined ? {} : { cursor });
    const list = result[key];
    if (Array.isArray(list)) items.push(...list);
    cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
    if (cursor === undefined) break;
  }
  return items;
}

/** The tidy form of a wire manifest. */
export function tidyManifest(wire: WireManifest): Manifest {
  const { serverInfo, instructions, protocolVersion, capabilities } = wire.initialize;
  return {
    server: {
      ...serverInfo,
      ...(instructions === undefined ? {} : { instructions }),
      protocolVersion,
      capabilities,
    },
    tools: wire['tools/list']?.tools ?? [],
    resources: wire['resources/list']?.resources ?? [],
    resourceTemplates: wire['resources/templates/list']?.resourceTemplates ?? [],
    prompts: wire['prompts/list']?.prompts ?? [],
  };
}
