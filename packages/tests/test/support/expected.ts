// Exact values the contract server answers with, per era.
import type { TransportCase } from './matrix.ts';

export const SERVER_INFO = { name: 'contract', version: '1.2.3' };

export const CAPABILITIES = {
  completions: {},
  logging: {},
  prompts: { listChanged: true },
  resources: { listChanged: true, subscribe: true },
  tools: { listChanged: true },
};

/** The `_meta` every stateless-era result carries (serverInfo); nothing in the handshake era. */
export const resultMeta = (t: TransportCase) =>
  t.era === 'stateless' ? { _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO } } : {};

/** What a stateless-era result adds to a plain handshake one: `resultType` and its meta. */
export const statelessResult = (t: TransportCase, extra: Record<string, unknown> = {}) =>
  t.era === 'stateless' ? { resultType: 'complete', ...extra, ...resultMeta(t) } : {};

/** The contract server's tools, in registration order. */
export const TOOL_NAMES = [
  'echo',
  'add',
  'fail',
  'ask',
  'log',
  'add_tool',
  'touch',
  'slow',
  'slow_status',
  'steps',
  'big',
  'digest',
  'square',
  'pid',
];
