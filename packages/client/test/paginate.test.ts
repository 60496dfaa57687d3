import { describe, expect, it } from 'vitest';
import { collectPages } from '../src/paginate.js';

interface P {
  items: number[];
  nextCursor?: string;
}

describe('collectPages', () => {
  it('follows cursors to the last page', async () => {
    const pages: Record<string, P> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [] },
    };
    const asked: (string | undefined)[] = [];
    const fetch = async (cursor: string | undefined): Promise<P> => {
      asked.push(cursor);
      return pages[cursor ?? 'start'] as P;
    };
    expect(await collectPages('x/list', fetch, (p) => p.items, 10)).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('stops a server that repeats a cursor', async () => {
    const fetch = async (): Promise<P> => ({ items: [1], nextCursor: 'same' });
    const error = await collectPages('x/list', fetch, (p) => p.items, 10).catch((e) => e);
    expect(error.message).toBe('x/list: the server repeated cursor "same"');
  });

  it('stops at the page cap', async () => {
    let n = 0;
    const fetch = async (): Promise<P> => ({ items: [n], nextCursor: String(n++) });
    const error = await collectPages('x/list', fetch, (p) => p.items, 3).catch((e) => e);
    expect(error.toJSON()).toEqual({
      code: -32603,
      message: 'x/list: more than 3 pages; raise maxPages or use the single-page variant',
      data: { method: 'x/list', maxPages: 3 },
    });
  });
});
