import { ErrorCode } from '@mcpkit/core';
import { BodyTooLargeError, type HttpExchangeRequest } from './exchange.js';

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: number; code: number; message: string };

/** Read and parse a JSON body: 413 past `limit`, 400/-32700 for malformed JSON. */
export async function readJsonBody(req: HttpExchangeRequest, limit: number): Promise<BodyResult> {
  if (req.parsedBody !== undefined) return { ok: true, value: req.parsedBody };
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return tooLarge(limit);
  let text: string;
  try {
    text = await req.readBody(limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge(limit);
    return {
      ok: false,
      status: 400,
      code: ErrorCode.ParseError,
      message: 'Parse error: the request body could not be read',
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      status: 400,
      code: ErrorCode.ParseError,
      message: `Parse error: ${detail}`,
    };
  }
}

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  status: 413,
  code: -32000,
  message: `Payload Too Large: the request body exceeds ${limit} bytes`,
});
