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

/**
 * The app-facing fields of a `callTool` result, exactly (`_meta` left out: which protocol keys
 * the client keeps there is the client's own business, tested in its package).
 */
export function toolView(result: {
  content: unknown;
  structuredContent: unknown;
  isError: boolean;
  data: unknown;
}) {
  const { content, structuredContent, isError, data } = result;
  return {
    content,
    isError,
    ...(structuredContent === undefined ? {} : { structuredContent }),
    ...(data === undefined ? {} : { data }),
  };
}

/** The `_meta` every stateless-era result carries (serverInfo); nothing in the handshake era. */
const resultMeta = (t: TransportCase) =>
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

/** The contract server's `echo`, `add` and `fail` tools as listed on the wire. */
export const CONTRACT_TOOLS = [
  {
    name: 'echo',
    description: 'Echo the text back',
    inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  },
  {
    name: 'add',
    description: 'Add two numbers',
    inputSchema: {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    },
    outputSchema: {
      type: 'object',
      properties: { sum: { type: 'number' } },
      required: ['sum'],
      additionalProperties: false,
    },
  },
  {
    name: 'fail',
    description: 'Always fails',
    inputSchema: { type: 'object', additionalProperties: false },
  },
];
