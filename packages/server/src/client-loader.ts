import {
  type BackendClient,
  type BackendFactory,
  isBackendClient,
  type ProxyBackend,
} from './proxy-source.js';
import type { ModuleLoader } from './serve.js';

// A computed specifier: @mcpkit/client is an optional peer, loaded only by proxies that need it.
const defaultLoader: ModuleLoader = (specifier) => import(/* @vite-ignore */ specifier);

type ClientModule = {
  createClient(source: unknown, options: Record<string, unknown>): Promise<BackendClient>;
};

let loaded: Promise<ClientModule> | undefined;

/** The module, loaded once; a failed load is tried again next time. */
const shared = (): Promise<ClientModule> => {
  loaded ??= loadClient(defaultLoader).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
};

async function loadClient(load: ModuleLoader): Promise<ClientModule> {
  let mod: Partial<ClientModule>;
  try {
    mod = (await load('@mcpkit/client')) as Partial<ClientModule>;
  } catch (error) {
    throw new Error(
      'createProxy() needs the @mcpkit/client package to reach its backend; install it with `npm install @mcpkit/client`, or pass a client factory',
      { cause: error },
    );
  }
  if (typeof mod.createClient !== 'function') {
    throw new Error('@mcpkit/client does not export createClient(); is it up to date?');
  }
  return mod as ClientModule;
}

/**
 * How a proxy gets backend connections: a factory as given, a connected client as it is (shared
 * by everyone), anything else through @mcpkit/client's `createClient()` with `clientOptions`.
 */
export function backendFactory(
  source: ProxyBackend,
  clientOptions: Readonly<Record<string, unknown>> = {},
  load: ModuleLoader = defaultLoader,
): BackendFactory | BackendClient {
  if (typeof source === 'function') return source;
  if (isBackendClient(source)) return source;
  return async (options) => {
    const mod = await (load === defaultLoader ? shared() : loadClient(load));
    return mod.createClient(source, { ...clientOptions, ...options });
  };
}
