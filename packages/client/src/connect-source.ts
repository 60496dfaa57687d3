import { createMemoryTransportPair, type Transport } from '@mcpkit/core';
import type { CoreClient } from './client.js';
import type { ClientOptions } from './client-types.js';
import { connectClient } from './connect-client.js';
import { planSource, type ServerSource, type SourcePlan } from './source.js';

/** Options of `createClient`: client options plus what the transports need. */
export interface CreateClientOptions extends ClientOptions {
  /** HTTP headers sent with every request (e.g. `authorization`) */
  headers?: Readonly<Record<string, string>>;
  /** extra options handed to `httpClientTransport` / `sseClientTransport` */
  http?: Readonly<Record<string, unknown>>;
  /** what to do with a child server's stderr (stdio sources; default `inherit`) */
  stderr?: 'inherit' | 'pipe' | 'ignore';
  /** receives a child server's stderr text (stdio sources) */
  onStderr?: (text: string) => void;
}

// Structural views of the transport packages: the client must not depend on them at runtime.
type HttpModule = { httpClientTransport(url: URL, options?: Record<string, unknown>): Transport };
type SseModule = { sseClientTransport(url: URL, options?: Record<string, unknown>): Transport };
type StdioModule = {
  stdioClientTransport(options: Record<string, unknown>): Transport;
  scriptCommand(
    path: string,
    args?: readonly string[],
  ): { command: string; args: string[] } | undefined;
};

/** Connect to one source: memory pair, given transport, HTTP (falling back to SSE) or stdio. */
export async function connectSource(
  source: ServerSource,
  options: CreateClientOptions = {},
): Promise<CoreClient> {
  const plan = planSource(source);
  const { headers, http, stderr, onStderr, ...clientOptions } = options;
  switch (plan.kind) {
    case 'memory': {
      const [clientSide, serverSide] = createMemoryTransportPair();
      const connection = await plan.server.connect(serverSide);
      const client = await connectClient(clientSide, clientOptions).catch(async (error) => {
        await connection.close();
        throw error;
      });
      client.onClose(() => connection.close());
      return client;
    }
    case 'transport':
      return connectClient(plan.transport, clientOptions);
    case 'stdio': {
      const { stdioClientTransport, scriptCommand } = await load<StdioModule>(
        '@mcpkit/stdio',
        () => import('@mcpkit/stdio'),
      );
      const run = plan.script ? scriptCommand(plan.config.command, plan.config.args) : undefined;
      const transport = stdioClientTransport({
        ...plan.config,
        ...run,
        ...(stderr ? { stderr } : {}),
        ...(onStderr ? { onStderr } : {}),
      });
      return connectClient(transport, { cacheKey: plan.key, ...clientOptions });
    }
    case 'sse':
      return connectSse(plan, httpOptions(plan, headers, http), clientOptions);
    case 'http': {
      const transportOptions = httpOptions(plan, headers, http);
      const { httpClientTransport } = await load<HttpModule>(
        '@mcpkit/http',
        () => import('@mcpkit/http'),
      );
      try {
        return await connectClient(httpClientTransport(plan.url, transportOptions), {
          cacheKey: plan.key,
          ...clientOptions,
        });
      } catch (error) {
        // The spec's back-compat rule: 400/404/405 from a Streamable HTTP attempt means "try legacy SSE".
        if (![400, 404, 405].includes(httpStatusOf(error) ?? 0)) throw error;
        return connectSse(plan, transportOptions, clientOptions);
      }
    }
  }
}

async function connectSse(
  plan: SourcePlan & { url: URL },
  transportOptions: Record<string, unknown>,
  options: ClientOptions,
) {
  const { sseClientTransport } = await load<SseModule>('@mcpkit/sse', () => import('@mcpkit/sse'));
  // Legacy SSE predates the stateless era: no point probing server/discover.
  return connectClient(sseClientTransport(plan.url, transportOptions), {
    mode: 'handshake',
    ...options,
  });
}

function httpOptions(
  plan: SourcePlan,
  headers: CreateClientOptions['headers'],
  http: CreateClientOptions['http'],
): Record<string, unknown> {
  const merged = { ...('headers' in plan ? plan.headers : undefined), ...headers };
  return Object.keys(merged).length > 0 ? { ...http, headers: merged } : { ...http };
}

/** The HTTP status a transport error carries, wherever the transport put it. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as {
    status?: unknown;
    statusCode?: unknown;
    data?: { status?: unknown; httpStatus?: unknown };
  };
  const status = e.status ?? e.statusCode ?? e.data?.status ?? e.data?.httpStatus;
  return typeof status === 'number' ? status : undefined;
}

async function load<T>(name: string, importer: () => Promise<unknown>): Promise<T> {
  try {
    return (await importer()) as T;
  } catch (error) {
    throw new Error(
      `This server source needs the optional package ${name}: install it next to @mcpkit/client`,
      {
        cause: error,
      },
    );
  }
}
