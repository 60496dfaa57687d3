/**
 * SEP-2243 header values: plain when printable ASCII without edge whitespace,
 * otherwise the sentinel `=?base64?<Base64 of UTF-8>?=`.
 */

const PREFIX = '=?base64?';
const SUFFIX = '?=';
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const PLAIN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Encode a value for an `Mcp-Name` / `Mcp-Param-*` header.
 * @example encodeHeaderValue('café') // '=?base64?Y2Fmw6k=?='
 */
export function encodeHeaderValue(value: string): string {
  if (PLAIN.test(value)) return value;
  let binary = '';
  for (const byte of encoder.encode(value)) binary += String.fromCharCode(byte);
  return `${PREFIX}${btoa(binary)}${SUFFIX}`;
}

/**
 * Decode a received header value (after OWS trimming). A value not wrapped in the
 * full sentinel is literal; a sentinel with bad Base64 or bad UTF-8 yields undefined.
 */
export function decodeHeaderValue(raw: string): string | undefined {
  const value = raw.trim();
  if (
    !value.startsWith(PREFIX) ||
    !value.endsWith(SUFFIX) ||
    value.length < PREFIX.length + SUFFIX.length
  ) {
    return value;
  }
  const b64 = value.slice(PREFIX.length, value.length - SUFFIX.length);
  if (!STRICT_BASE64.test(b64)) return undefined;
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
