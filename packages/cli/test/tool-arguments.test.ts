import type { Tool } from '@mcpkit/core';
import { describe, expect, test } from 'vitest';
import { toolArguments } from '../src/tool-arguments.js';

const tool: Tool = {
  name: 't',
  inputSchema: {
    type: 'object',
    properties: {
      text: { type: 'string' },
      count: { type: 'integer' },
      ratio: { type: 'number' },
      flag: { type: 'boolean' },
      tags: { type: 'array' },
      maybe: { type: ['string', 'null'] },
      either: { anyOf: [{ type: 'number' }, { type: 'boolean' }] },
      color: { enum: ['red', 'blue'] },
    },
  },
};

describe('toolArguments', () => {
  test('without a schema: JSON when it parses, else the string', () => {
    expect(
      toolArguments(['a=1', 'b=true', 'c=hello', 'd={"x":1}', 'e=', 'f=a=b'], undefined, undefined),
    ).toEqual({
      a: 1,
      b: true,
      c: 'hello',
      d: { x: 1 },
      e: '',
      f: 'a=b',
    });
  });

  test('the schema types each property', () => {
    expect(
      toolArguments(
        [
          'text=42',
          'count=7',
          'ratio=0.5',
          'flag=false',
          'tags=["a"]',
          'maybe=null',
          'either=true',
          'color=red',
        ],
        undefined,
        tool,
      ),
    ).toEqual({
      text: '42',
      count: 7,
      ratio: 0.5,
      flag: false,
      tags: ['a'],
      maybe: null,
      either: true,
      color: 'red',
    });
    // A value that does not fit a non-string type is still sent: the server reports it.
    expect(toolArguments(['count=many', 'maybe=12'], undefined, tool)).toEqual({
      count: 'many',
      maybe: '12',
    });
  });

  test('--json is the base; --arg wins', () => {
    expect(toolArguments(['count=2'], '{"count": 1, "text": "x"}', tool)).toEqual({
      count: 2,
      text: 'x',
    });
  });

  test('bad input is a usage error', () => {
    expect(() => toolArguments(['novalue'], undefined, tool)).toThrow(
      'mcpkit call: --arg wants key=value, got novalue',
    );
    expect(() => toolArguments([], '"str"', tool)).toThrow(
      'mcpkit call: --json must be a JSON object',
    );
    expect(() => toolArguments([], '{', tool)).toThrow(/^mcpkit call: --json is not valid JSON: /);
  });
});
