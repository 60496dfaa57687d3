import type { Tool } from '@mcpkit/core';

// RFC 9110 token characters: what an HTTP header name may contain.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MIRRORABLE = new Set(['string', 'integer', 'boolean']);

/**
 * SEP-2243: a tool may mark input properties `x-mcp-header: "<Name>"` to be mirrored as
 * `Mcp-Param-<Name>`. A tool whose marks break a rule (empty, not a token, duplicated
 * case-insensitively, or on a property that is not string/integer/boolean) must not be used.
 */
export function hasValidParamHeaders(tool: Tool): boolean {
  const properties = tool.inputSchema?.properties;
  if (!properties) return true;
  const seen = new Set<string>();
  for (const schema of Object.values(properties)) {
    if (!schema || !('x-mcp-header' in schema)) continue;
    const name = schema['x-mcp-header'];
    if (typeof name !== 'string' || !TOKEN.test(name)) return false;
    if (typeof schema.type !== 'string' || !MIRRORABLE.has(schema.type)) return false;
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}
