// describeTransports(): run the same tests once per transport of the matrix, each against its
// own host and one shared standard client (extra connections on demand).
import type { ClientOptions, CoreClient } from '@mcpkit/client';
import { afterAll, beforeAll, describe } from 'vitest';
import { type ClientEvents, newEvents, standardClientOptions } from './client-handlers.ts';
import type { Connection, Host } from './hosts.ts';
import { type Ability, TRANSPORTS, type TransportCase } from './matrix.ts';

/** What a test body gets for one transport. */
export interface TransportHarness {
  readonly transport: TransportCase;
  /** the shared standard client of this describe block */
  readonly client: CoreClient;
  /** what the shared client's handlers saw */
  readonly events: ClientEvents;
  readonly host: Host;
  /** a further connection with a standard client (closed after the block unless closed before) */
  connect(overrides?: ClientOptions): Promise<Connection & { events: ClientEvents }>;
  /** the reason this transport cannot do something, or undefined when it can */
  cannot(ability: Ability): string | undefined;
}

const HOOK_TIMEOUT_MS = 30_000;

/**
 * `describe` the body once per transport of the matrix. All transports start at once before the
 * first test (a stdio child takes a while to boot); each closes after its own block.
 */
export function describeTransports(title: string, body: (t: TransportHarness) => void): void {
  const starts: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    await Promise.allSettled(starts.map((start) => start()));
  }, HOOK_TIMEOUT_MS);
  for (const transport of TRANSPORTS) {
    describe(`${title} [${transport.name}]`, () => {
      let host: Host | undefined;
      let shared: CoreClient | undefined;
      let failure: unknown;
      const events = newEvents();
      const opened: CoreClient[] = [];
      const harness: TransportHarness = {
        transport,
        events,
        get client() {
          if (!shared) throw new Error(`no client: ${transport.name} did not start`);
          return shared;
        },
        get host() {
          if (!host) throw new Error(`no host: ${transport.name} did not start`);
          return host;
        },
        connect: (overrides) => open(newEvents(), overrides),
        cannot: (ability) => transport.cannot[ability],
      };
      const open = async (own: ClientEvents, overrides?: ClientOptions) => {
        const connection = await harness.host.connect({
          ...standardClientOptions(own),
          ...overrides,
        });
        opened.push(connection.client);
        return Object.assign(connection, { events: own });
      };
      starts.push(async () => {
        try {
          host = await transport.start();
          shared = (await open(events)).client;
        } catch (error) {
          failure = error;
        }
      });
      beforeAll(() => {
        // A transport that failed to start fails its own block, not the others.
        if (failure !== undefined) throw failure;
      });
      afterAll(async () => {
        await Promise.allSettled(opened.map((client) => client.close()));
        await host?.close();
      }, HOOK_TIMEOUT_MS);
      body(harness);
    });
  }
}
