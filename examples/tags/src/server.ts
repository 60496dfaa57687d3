import { createServer } from '@mcpkit/server';
import { z } from 'zod';

/** One catalogue of tools, served with whatever tag filter the caller picks. */
export function catalog(filter: { includeTags?: string[]; excludeTags?: string[] } = {}) {
  const query = z.object({ query: z.string() });
  return createServer({ name: 'catalog', version: '1.0.0', ...filter })
    .tool('search', { input: query, tags: ['public'] }, ({ query }) => `results for ${query}`)
    .tool('search_v1', { input: query, tags: ['public', 'deprecated'] }, ({ query }) => query)
    .tool('reindex', { tags: ['admin'] }, () => 'reindexed')
    .tool('ping', {}, () => 'pong');
}
