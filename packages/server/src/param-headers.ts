import { decodeHeaderValue, ErrorCode, type JsonObject, McpError, type Tool } from '@mcpkit/core';

/** SEP-2243: an input property mirrored by clients into `Mcp-Param-<header>`. */
export interface ParamHeader {
  /** the argument's name in `arguments` */
  readonly property: string;
  /** the annotation as declared, e.g. `Region` */
  readonly header: string;
  /** the header's lower-cased name as transports hand it over, e.g. `mcp-param-region` */
  readonly key: string;
}

export const PARAM_HEADER_KEY = 'x-mcp-header';

// RFC 9110 token characters: what an HTTP header name may contain.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MIRRORABLE = new Set(['string', 'integer', 'boolean']);
const NONE: readonly ParamHeader[] = Object.freeze([]);
const cache = new WeakMap<Tool, readonly ParamHeader[]>();

type PropertyMap = Record<string, JsonObject | undefined>;

const propertiesOf = (tool: Tool): PropertyMap | undefined =>
  tool.inputSchema?.properties as PropertyMap | undefined;

/**
 * Refuse a tool whose `x-mcp-header` annotations clients would drop it for: empty, not an
 * ASCII token, used twice (case-insensitively), or on a property that is not a string,
 * integer or boolean.
 */
export function checkParamHeaderAnnotations(tool: Tool): void {
  const properties = propertiesOf(tool);
  if (!properties) return;
  const seen = new Map<string, string>();
  const where = (property: string) => `tool ${tool.name}: property ${JSON.stringify(property)}`;
  for (const [property, schema] of Object.entries(properties)) {
    if (!schema || !(PARAM_HEADER_KEY in schema)) continue;
    const name = schema[PARAM_HEADER_KEY];
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(`${where(property)} has an empty or non-string x-mcp-header`);
    }
    if (!TOKEN.test(name)) {
      throw new TypeError(
        `${where(property)}: x-mcp-header ${JSON.stringify(name)} may only use ASCII letters, digits and !#$%&'*+-.^_\`|~`,
      );
    }
    const type = schema.type;
    if (typeof type !== 'string' || !MIRRORABLE.has(type)) {
      throw new TypeError(
        `${where(property)}: x-mcp-header needs a string, integer or boolean property, not ${JSON.stringify(type ?? null)}`,
      );
    }
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      throw new TypeError(
        `tool ${tool.name}: x-mcp-header ${JSON.stringify(name)} is used by both ${JSON.stringify(other)} and ${JSON.stringify(property)} (header names ignore case)`,
      );
    }
    seen.set(name.toLowerCase(), property);
  }
}

/** The mirrored properties of a tool, read from its wire schema once per wire object. */
export function paramHeadersOf(tool: Tool): readonly ParamHeader[] {
  let headers = cache.get(tool);
  if (headers) return headers;
  const found: ParamHeader[] = [];
  for (const [property, schema] of Object.entries(propertiesOf(tool) ?? {})) {
    const header = schema?.[PARAM_HEADER_KEY];
    // Tools of other servers (proxied) were not checked: use only annotations clients keep.
    if (typeof header !== 'string' || !TOKEN.test(header)) continue;
    if (typeof schema?.type !== 'string' || !MIRRORABLE.has(schema.type)) continue;
    found.push({ property, header, key: `mcp-param-${header.toLowerCase()}` });
  }
  headers = found.length === 0 ? NONE : found;
  cache.set(tool, headers);
  return headers;
}

/** An argument as a client writes it into its header; undefined when no header is sent. */
function wireForm(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return undefined;
}

function mismatch(p: ParamHeader, why: string): McpError {
  return new McpError(ErrorCode.HeaderMismatch, `Header mismatch: ${why}`, {
    mismatch: { header: `Mcp-Param-${p.header}`, body: `arguments.${p.property}` },
  });
}

/**
 * Compare each `Mcp-Param-*` header with the argument it mirrors (stateless era, HTTP).
 * A header must be there exactly when the argument is a string, integer or boolean, and
 * decode (`=?base64?…?=` or literal) to the argument's wire form; otherwise -32020.
 */
export function checkParamHeaders(
  tool: Tool,
  args: unknown,
  headers: Readonly<Record<string, string>>,
): void {
  const mirrors = paramHeadersOf(tool);
  if (mirrors.length === 0) return;
  const values = typeof args === 'object' && args !== null ? (args as JsonObject) : {};
  for (const p of mirrors) {
    const expected = wireForm(values[p.property]);
    const raw = headers[p.key];
    if (raw === undefined) {
      if (expected === undefined) continue;
      throw mismatch(
        p,
        `the Mcp-Param-${p.header} header is required: arguments.${p.property} is set`,
      );
    }
    const actual = decodeHeaderValue(raw);
    if (actual === undefined) {
      throw mismatch(p, `the Mcp-Param-${p.header} header is not valid Base64 UTF-8`);
    }
    if (actual !== expected) {
      const body = expected === undefined ? 'not set' : JSON.stringify(expected);
      throw mismatch(
        p,
        `Mcp-Param-${p.header} header ${JSON.stringify(actual)} differs from arguments.${p.property} (${body})`,
      );
    }
  }
}
