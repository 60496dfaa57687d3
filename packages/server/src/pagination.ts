import { ErrorCode, McpError } from '@mcpkit/core';

const PREFIX = 'mcpkit:';

/** One page of a list and the cursor of the next, if any. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Slice a list by an opaque cursor. Without a page size everything is one page.
 * A cursor this server did not make answers -32602.
 */
export function paginate<T>(
  all: readonly T[],
  cursor: unknown,
  pageSize: number | undefined,
): Page<T> {
  const start = cursor === undefined ? 0 : readCursor(cursor);
  if (!pageSize) return { items: start === 0 ? [...all] : all.slice(start) };
  const end = start + pageSize;
  const items = all.slice(start, end);
  return end < all.length ? { items, nextCursor: makeCursor(end) } : { items };
}

const makeCursor = (offset: number): string => btoa(`${PREFIX}${offset}`);

function readCursor(cursor: unknown): number {
  if (typeof cursor === 'string') {
    let decoded = '';
    try {
      decoded = atob(cursor);
    } catch {
      // not base64: falls through to the error below
    }
    if (decoded.startsWith(PREFIX)) {
      const offset = Number(decoded.slice(PREFIX.length));
      if (Number.isSafeInteger(offset) && offset >= 0) return offset;
    }
  }
  throw new McpError(
    ErrorCode.InvalidParams,
    `Invalid params: invalid cursor ${JSON.stringify(cursor)}`,
  );
}
