import { ErrorCode, McpError } from '@mcpkit/core';

/** One page of a list call. */
export interface Page<T> {
  items: T[];
  nextCursor: string | undefined;
}

/**
 * Follow `nextCursor` until the last page. A cap (and a repeated cursor) stops
 * a server that never ends its list from looping the client forever.
 */
export async function collectPages<T>(
  method: string,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages: number,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === undefined) return items;
    if (seen.has(cursor)) {
      throw new McpError(
        ErrorCode.InternalError,
        `${method}: the server repeated cursor ${JSON.stringify(cursor)}`,
      );
    }
    seen.add(cursor);
  }
  throw new McpError(
    ErrorCode.InternalError,
    `${method}: more than ${maxPages} pages; raise maxPages or use the single-page variant`,
    { method, maxPages },
  );
}
