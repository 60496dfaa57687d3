import { z } from 'zod';
import { type BenchCase, echoedText, SkipCase } from '../case.js';

// Loose local shapes: the bench must still run (and skip this row) while @mcpkit/server and
// @mcpkit/client are being written, so they are imported dynamically and probed.
interface ServerBuilder {
  tool(
    name: string,
    def: { input: unknown },
    handler: (args: { text: string }) => unknown,
  ): ServerBuilder;
}
interface ClientLike {
  callTool(name: string, args: { text: string }): Promise<unknown>;
  close?(): Promise<void> | void;
}
type CreateServer = (options: { name: string; version: string }) => ServerBuilder;
type CreateClient = (source: unknown) => Promise<ClientLike> | ClientLike;

async function load(): Promise<{ createServer: CreateServer; createClient: CreateClient }> {
  const [server, client] = await Promise.all([
    import('@mcpkit/server') as Promise<Record<string, unknown>>,
    import('@mcpkit/client') as Promise<Record<string, unknown>>,
  ]);
  if (typeof server.createServer !== 'function' || typeof client.createClient !== 'function') {
    throw new SkipCase(
      '@mcpkit/server createServer or @mcpkit/client createClient not exported yet',
    );
  }
  return {
    createServer: server.createServer as CreateServer,
    createClient: client.createClient as CreateClient,
  };
}

/** mcpkit's full stack: createServer() builder + createClient(server) over the memory transport. */
export const mcpkitFull: BenchCase = {
  id: 'mcpkit-full',
  label: 'mcpkit full (createServer + createClient)',
  measures:
    "createServer().tool('echo', { input: z.object({ text: z.string() }) }, …) and " +
    'createClient(server) (in-memory), calling client.callTool(); comparable to the SDK rows',
  async setup() {
    const { createServer, createClient } = await load();
    const server = createServer({ name: 'bench', version: '1.0.0' }).tool(
      'echo',
      { input: z.object({ text: z.string() }) },
      ({ text }) => text,
    );
    const client = await createClient(server);
    return {
      call: async (text) => {
        const result = await client.callTool('echo', { text });
        return typeof result === 'string' ? result : echoedText(result);
      },
      close: async () => {
        await client.close?.();
      },
    };
  },
};
