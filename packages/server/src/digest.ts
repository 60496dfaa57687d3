const encoder = new TextEncoder();

/** UTF-8 bytes of a text file. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** `sha256:<64 lowercase hex>` of some bytes, with WebCrypto (works on every runtime). */
export async function sha256Digest(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const byte of hash) hex += byte.toString(16).padStart(2, '0');
  return `sha256:${hex}`;
}
