// Shared pieces of the interop tests: where the fixtures are, how to run them, and a recorder for
// an official transport's inbound messages (the official clients do not expose the negotiated
// version on every transport).
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `node` arguments that run one of our TypeScript fixtures from source. */
export const tsxArgs = (fixture: string): string[] => [
  '--conditions=@mcpkit/source',
  '--import',
  'tsx',
  `${FIXTURES}${fixture}`,
];

interface OfficialTransport {
  start(): Promise<void>;
  onmessage?: ((message: never, extra?: never) => void) | undefined;
}

/**
 * Record every message the transport hands its client. Call before `client.connect`: the
 * client sets `onmessage` first and then starts the transport, which is where we wrap it.
 */
export function recordInbound(transport: OfficialTransport): unknown[] {
  const received: unknown[] = [];
  const start = transport.start.bind(transport);
  transport.start = async () => {
    const inner = transport.onmessage;
    transport.onmessage = ((message: never, extra?: never) => {
      received.push(message);
      inner?.(message, extra);
    }) as OfficialTransport['onmessage'];
    return start();
  };
  return received;
}

/** The protocol version our server answered `initialize` with, from recorded messages. */
export function initializedVersion(received: unknown[]): unknown {
  const first = received.find(
    (m) => typeof m === 'object' && m !== null && 'result' in m && 'id' in m,
  ) as { result?: { protocolVersion?: unknown } } | undefined;
  return first?.result?.protocolVersion;
}
