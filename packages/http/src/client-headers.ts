import {
  ENVELOPE_KEYS,
  encodeHeaderValue,
  type JsonObject,
  type JsonRpcMessage,
} from '@mcpkit/core';

/** The body field each method mirrors into `Mcp-Name`. */
const NAME_FIELD: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
  'tasks/get': 'taskId',
  'tasks/update': 'taskId',
  'tasks/cancel': 'taskId',
};

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_TYPES = new Set(['string', 'integer', 'boolean']);

/** A tool argument mirrored into an `Mcp-Param-<header>` header. */
export interface ParamHeader {
  property: string;
  header: string;
}

/** The protocol version a stateless-era request carries in `_meta`, if it is one. */
export function statelessVersion(message: JsonRpcMessage): string | undefined {
  if (!('method' in message) || !('id' in message)) return undefined;
  const meta = message.params?._meta as JsonObject | undefined;
  const version = meta?.[ENVELOPE_KEYS.protocolVersion];
  return typeof version === 'string' ? version : undefined;
}

/**
 * SEP-2243 headers of a stateless-era request: `Mcp-Method`, `Mcp-Name` and the
 * `Mcp-Param-*` mirrors of annotated tool arguments.
 */
export function statelessHeaders(
  message: { method: string; params?: JsonObject },
  paramHeaders: ReadonlyMap<string, readonly ParamHeader[]>,
  into: Record<string, string>,
): void {
  into['mcp-method'] = message.method;
  const field = NAME_FIELD[message.method];
  const name = field === undefined ? undefined : message.params?.[field];
  if (typeof name === 'string') into['mcp-name'] = encodeHeaderValue(name);
  if (message.method !== 'tools/call' || typeof name !== 'string') return;
  const mirrors = paramHeaders.get(name);
  const args = message.params?.arguments as JsonObject | undefined;
  if (!mirrors || !args) return;
  for (const { property, header } of mirrors) {
    const value = args[property];
    if (typeof value === 'string') into[`mcp-param-${header}`] = encodeHeaderValue(value);
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value))) {
      into[`mcp-param-${header}`] = String(value);
    }
  }
}

/**
 * Read `x-mcp-header` annotations from a `tools/list` result. A tool whose annotations
 * break a rule (empty, non-token, duplicate, or on a non-scalar property) gets none.
 */
export function readParamHeaders(result: JsonObject, into: Map<string, ParamHeader[]>): void {
  const tools = result.tools;
  if (!Array.isArray(tools)) return;
  for (const tool of tools as JsonObject[]) {
    if (typeof tool?.name !== 'string') continue;
    const properties = (tool.inputSchema as JsonObject | undefined)?.properties as
      | Record<string, JsonObject>
      | undefined;
    const mirrors: ParamHeader[] = [];
    const seen = new Set<string>();
    let valid = true;
    for (const [property, schema] of Object.entries(properties ?? {})) {
      const header = schema?.['x-mcp-header'];
      if (header === undefined) continue;
      const type = schema.type;
      if (
        typeof header !== 'string' ||
        !TOKEN.test(header) ||
        seen.has(header.toLowerCase()) ||
        typeof type !== 'string' ||
        !HEADER_TYPES.has(type)
      ) {
        valid = false;
        break;
      }
      seen.add(header.toLowerCase());
      mirrors.push({ property, header });
    }
    if (valid && mirrors.length > 0) into.set(tool.name, mirrors);
    else into.delete(tool.name);
  }
}
