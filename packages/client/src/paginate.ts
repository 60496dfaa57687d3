import { ErrorCode, McpError } from '@mcpkit/core';

/**
 * Follow `nextCursor` until the last page. A cap (and a repeated cursor) stops
 * a server that never ends its list from looping the client forever.
 */
export async function collectPages<R extends { nextCursor?: string }, T>(
  method: string,
  fetchPage: (cursor: string | undefined) => Promise<R>,
  items: (page: R) => T[] | undefined,
  maxPages: number,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await fetchPage(cursor);
    all.push(...(items(page) ?? []));
    cursor = page.nextCursor;
    if (cursor === undefined) return all;
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
