import type { BlobResourceContents, TextResourceContents } from '@mcpkit/core';
import { bytesToBase64 } from './base64.js';
import { Audio, Image } from './media.js';
import { type InputRequired, isInputRequired, isResourceResult } from './results.js';

/** One resources/read answer, or a request for input (stateless era). */
export type ReadOutcome =
  | { contents: (TextResourceContents | BlobResourceContents)[] }
  | InputRequired;

/**
 * Turn what a resource handler returned into contents: a string is text, bytes are a blob,
 * anything else is JSON (mimeType application/json unless the resource says otherwise).
 */
export function toReadOutcome(
  value: unknown,
  uri: string,
  mimeType: string | undefined,
): ReadOutcome {
  if (isInputRequired(value)) return value;
  if (isResourceResult(value)) return { contents: value.contents };
  if (typeof value === 'string') {
    return { contents: [{ uri, mimeType: mimeType ?? 'text/plain', text: value }] };
  }
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
    return {
      contents: [
        { uri, mimeType: mimeType ?? 'application/octet-stream', blob: bytesToBase64(bytes) },
      ],
    };
  }
  if (value instanceof Image || value instanceof Audio) {
    return { contents: [{ uri, mimeType: mimeType ?? value.mimeType, blob: value.data }] };
  }
  const text = JSON.stringify(value) ?? 'null';
  return { contents: [{ uri, mimeType: mimeType ?? 'application/json', text }] };
}
