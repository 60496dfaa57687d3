import { describe, expect, it } from 'vitest';
import {
  type ParamHeader,
  readParamHeaders,
  statelessHeaders,
  statelessVersion,
} from '../src/client-headers.js';
import { envelope } from './helpers/requests.js';

describe('statelessVersion', () => {
  it('reads the _meta version of stateless-era requests only', () => {
    expect(
      statelessVersion({ jsonrpc: '2.0', id: 1, method: 'x', params: { _meta: envelope() } }),
    ).toBe('2026-07-28');
    expect(statelessVersion({ jsonrpc: '2.0', id: 1, method: 'x' })).toBe(undefined);
    expect(statelessVersion({ jsonrpc: '2.0', method: 'x', params: { _meta: envelope() } })).toBe(
      undefined,
    );
  });
});

describe('statelessHeaders', () => {
  it('adds Mcp-Method, Mcp-Name by method, and Mcp-Param-* mirrors', () => {
    const mirrors = new Map<string, ParamHeader[]>([
      [
        'w',
        [
          { property: 'region', header: 'Region' },
          { property: 'n', header: 'N' },
          { property: 'gone', header: 'Gone' },
        ],
      ],
    ]);
    const into: Record<string, string> = {};
    statelessHeaders(
      {
        method: 'tools/call',
        params: { name: 'w', arguments: { region: ' eu', n: 2, gone: null } },
      },
      mirrors,
      into,
    );
    expect(into).toEqual({
      'mcp-method': 'tools/call',
      'mcp-name': 'w',
      'mcp-param-Region': '=?base64?IGV1?=',
      'mcp-param-N': '2',
    });
    const read: Record<string, string> = {};
    statelessHeaders({ method: 'resources/read', params: { uri: 'file:///x' } }, mirrors, read);
    expect(read).toEqual({ 'mcp-method': 'resources/read', 'mcp-name': 'file:///x' });
    const list: Record<string, string> = {};
    statelessHeaders({ method: 'tools/list' }, mirrors, list);
    expect(list).toEqual({ 'mcp-method': 'tools/list' });
  });
});

describe('readParamHeaders', () => {
  const tool = (name: string, properties: Record<string, unknown>) => ({
    name,
    inputSchema: { type: 'object', properties },
  });

  it('keeps valid annotations and drops every mirror of a tool that breaks a rule', () => {
    const into = new Map<string, ParamHeader[]>([['stale', [{ property: 'a', header: 'A' }]]]);
    readParamHeaders(
      {
        tools: [
          tool('ok', {
            a: { type: 'string', 'x-mcp-header': 'A' },
            b: { type: 'boolean', 'x-mcp-header': 'B' },
          }),
          tool('dup', {
            a: { type: 'string', 'x-mcp-header': 'X' },
            b: { type: 'string', 'x-mcp-header': 'x' },
          }),
          tool('space', { a: { type: 'string', 'x-mcp-header': 'Bad Name' } }),
          tool('number', { a: { type: 'number', 'x-mcp-header': 'N' } }),
          tool('empty', { a: { type: 'string', 'x-mcp-header': '' } }),
          tool('stale', {}),
        ],
      },
      into,
    );
    expect([...into.entries()]).toEqual([
      [
        'ok',
        [
          { property: 'a', header: 'A' },
          { property: 'b', header: 'B' },
        ],
      ],
    ]);
  });
});
