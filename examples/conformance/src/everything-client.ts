/**
 * `pnpm conformance:client <server-url>`: the command the conformance suite runs for client
 * scenarios. Reads MCP_CONFORMANCE_SCENARIO, MCP_CONFORMANCE_CONTEXT (JSON) and
 * MCP_CONFORMANCE_PROTOCOL_VERSION (2026-07-28 → stateless era, else the initialize handshake).
 * Exits 0 when the scenario's steps succeeded, 1 otherwise; never runs longer than 30 s.
 */
import { createClient } from '@mcpkit/client';
import { fallbackScenario, scenarios } from './client/scenarios.js';

const DEADLINE_MS = 30_000;

async function main(): Promise<void> {
  const url = process.argv[2];
  const name = process.env.MCP_CONFORMANCE_SCENARIO;
  if (!url || !name) {
    throw new Error('usage: MCP_CONFORMANCE_SCENARIO=<scenario> everything-client <server-url>');
  }
  const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as Record<
    string,
    unknown
  >;
  const version = process.env.MCP_CONFORMANCE_PROTOCOL_VERSION ?? '2025-11-25';
  const scenario = scenarios[name] ?? fallbackScenario;
  const client = await createClient(url, {
    clientInfo: { name: 'mcpkit-conformance-client', version: '1.0.0' },
    mode: version === '2026-07-28' ? 'stateless' : 'handshake',
    handlers: scenario.handlers ?? {},
    timeoutMs: 20_000,
  });
  try {
    await scenario.run(client, context);
  } finally {
    await client.close();
  }
}

const deadline = setTimeout(() => {
  console.error(`everything-client: gave up after ${DEADLINE_MS} ms`);
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('everything-client:', error);
    process.exit(1);
  },
);
