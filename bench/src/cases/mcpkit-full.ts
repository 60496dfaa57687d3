import { z } from 'zod';
import { type BenchCase, echoedText, SkipCase } from '../case.js';

// Loose local shapes: the bench must still run (and skip these rows) in a checkout where
// @mcpkit/server or @mcpkit/client lacks its entry point, so both are imported dynamically.
interface ServerBuilder {
  tool(
    name: string,
    def: { input: unknown },
    handler: (args: { text: string }) => unknown,
  ): ServerBuilder;
}
interface ClientLike {
  readonly era?: string;
  readonly protocolVersion?: string;
  callTool(name: string, args: { text: string }): Promise<unknown>;
  close(): Promise<void>;
}
type Era = 'handshake' | 'stateless';
type CreateServer = (options: { name: string; version: string }) => ServerBuilder;
type CreateClient = (source: unknown, options: { mode: Era }) => Promise<ClientLike>;

async function load(): Promise<{ createServer: CreateServer; createClient: CreateClient }> {
  const [server, client] = await Promise.all([
    import('@mcpkit/server') as Promise<Record<string, unknown>>,
    import('@mcpkit/client') as Promise<Record<string, unknown>>,
  ]);
  if (typeof server.createServer !== 'function' || typeof client.createClient !== 'function') {
    throw new SkipCase('@mcpkit/server createServer or @mcpkit/client createClient not exported');
  }
  return {
    createServer: server.createServer as CreateServer,
    createClient: client.createClient as CreateClient,
  };
}

/** mcpkit's full stack in one era: createServer() builder + createClient(server) in memory. */
function fullStack(era: Era): BenchCase {
  return {
    id: era === 'handshake' ? 'mcpkit-full' : 'mcpkit-full-stateless',
    label: `mcpkit full, ${era} era (createServer + createClient)`,
    measures:
      "createServer().tool('echo', { input: z.object({ text: z.string() }) }, ({ text }) => text) " +
      `and createClient(server, { mode: '${era}' }) over the in-memory pair, calling ` +
      "client.callTool('echo', { text })" +
      (era === 'handshake'
        ? ' — same protocol era and wire messages as the SDK rows'
        : ' — the 2026-07-28 era: every request carries the _meta envelope'),
    async setup() {
      const { createServer, createClient } = await load();
      const server = createServer({ name: 'bench', version: '1.0.0' }).tool(
        'echo',
        { input: z.object({ text: z.string() }) },
        ({ text }) => text,
      );
      const client = await createClient(server, { mode: era });
      if (client.era !== era) throw new Error(`expected the ${era} era, got ${client.era}`);
      return {
        call: async (text) => echoedText(await client.callTool('echo', { text })),
        close: () => client.close(),
      };
    },
  };
}

export const mcpkitFull = fullStack('handshake');
export const mcpkitFullStateless = fullStack('stateless');
