import { describe, expect, it } from 'vitest';
import { collectPages } from '../src/paginate.js';

describe('collectPages', () => {
  it('follows cursors to the last page', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | undefined }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [], nextCursor: undefined },
    };
    const asked: (string | undefined)[] = [];
    const items = await collectPages(
      'x/list',
      async (cursor) => {
        asked.push(cursor);
        return pages[cursor ?? 'start']!;
      },
      10,
    );
    expect(items).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('stops a server that repeats a cursor', async () => {
    const error = await collectPages(
      'x/list',
      async () => ({ items: [1], nextCursor: 'same' }),
      10,
    ).catch((e) => e);
    expect(error.message).toBe('x/list: the server repeated cursor "same"');
  });
});
