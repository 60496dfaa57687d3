import type { Tool } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { hasValidParamHeaders } from '../src/tool-headers.js';

const tool = (properties: Record<string, Record<string, unknown>>): Tool => ({
  name: 't',
  inputSchema: { type: 'object', properties },
});

describe('hasValidParamHeaders (SEP-2243)', () => {
  it('accepts unmarked tools and well-formed marks on string, integer and boolean properties', () => {
    expect(hasValidParamHeaders({ name: 'plain', inputSchema: { type: 'object' } })).toBe(true);
    expect(
      hasValidParamHeaders(
        tool({
          region: { type: 'string', 'x-mcp-header': 'Region' },
          count: { type: 'integer', 'x-mcp-header': 'Count' },
          dry: { type: 'boolean', 'x-mcp-header': 'Dry-Run' },
          query: { type: 'string' },
        }),
      ),
    ).toBe(true);
  });

  it.each([
    ['empty', { a: { type: 'string', 'x-mcp-header': '' } }],
    ['not a string', { a: { type: 'string', 'x-mcp-header': 5 } }],
    ['a space', { a: { type: 'string', 'x-mcp-header': 'My Header' } }],
    ['a colon', { a: { type: 'string', 'x-mcp-header': 'A:B' } }],
    ['non-ASCII', { a: { type: 'string', 'x-mcp-header': 'Régión' } }],
    ['a control character', { a: { type: 'string', 'x-mcp-header': 'A\tB' } }],
    ['a number property', { a: { type: 'number', 'x-mcp-header': 'A' } }],
    ['an object property', { a: { type: 'object', 'x-mcp-header': 'A' } }],
    ['an array property', { a: { type: 'array', 'x-mcp-header': 'A' } }],
    ['a null property', { a: { type: 'null', 'x-mcp-header': 'A' } }],
    ['no type', { a: { 'x-mcp-header': 'A' } }],
    [
      'a duplicate',
      { a: { type: 'string', 'x-mcp-header': 'A' }, b: { type: 'string', 'x-mcp-header': 'A' } },
    ],
    [
      'a case duplicate',
      { a: { type: 'string', 'x-mcp-header': 'A' }, b: { type: 'string', 'x-mcp-header': 'a' } },
    ],
  ])('rejects a mark with %s', (_label, properties) => {
    expect(hasValidParamHeaders(tool(properties))).toBe(false);
  });
});
