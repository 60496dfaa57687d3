import {
  decodeMessage,
  ErrorCode,
  errorResponse,
  parseMessage,
  serializeMessage,
} from '@mcpkit/core';
import { describe, expect, test } from 'vitest';

const invalid = (id: string | number | null, why: string) => ({
  ok: false,
  error: { jsonrpc: '2.0', id, error: { code: -32600, message: `Invalid Request: ${why}` } },
});

describe('parseMessage', () => {
  test('decodes each message kind', () => {
    expect(parseMessage('{"jsonrpc":"2.0","id":1,"method":"ping"}')).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: 1, method: 'ping' },
    });
    expect(parseMessage('{"jsonrpc":"2.0","method":"notifications/initialized"}')).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', method: 'notifications/initialized' },
    });
    expect(parseMessage('{"jsonrpc":"2.0","id":"a","result":{}}')).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: 'a', result: {} },
    });
    expect(
      parseMessage('{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"nope"}}'),
    ).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: 2, error: { code: -32601, message: 'nope' } },
    });
  });

  test('bad JSON is a -32700 parse error with id null', () => {
    const r = parseMessage('{"jsonrpc":');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.id).toBeNull();
    expect(r.error.error.code).toBe(ErrorCode.ParseError);
    expect(r.error.error.message.startsWith('Parse error: ')).toBe(true);
  });

  test('invalid requests get -32600 with the id when it is readable', () => {
    expect(parseMessage('{"jsonrpc":"1.0","id":7,"method":"ping"}')).toEqual(
      invalid(7, 'jsonrpc must be "2.0"'),
    );
    expect(parseMessage('{"id":7,"method":"ping"}')).toEqual(invalid(7, 'jsonrpc must be "2.0"'));
    expect(parseMessage('{"jsonrpc":"2.0","id":null,"method":"ping"}')).toEqual(
      invalid(null, 'id must be a string or an integer within ±2^53 (and never null)'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}')).toEqual(
      invalid(null, 'id must be a string or an integer within ±2^53 (and never null)'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":1.5,"method":"ping"}')).toEqual(
      invalid(null, 'id must be a string or an integer within ±2^53 (and never null)'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":3,"method":"x","params":[1,2]}')).toEqual(
      invalid(3, 'params must be an object'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":3,"method":""}')).toEqual(
      invalid(3, 'method must be a non-empty string'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":3,"method":42}')).toEqual(
      invalid(3, 'method must be a non-empty string'),
    );
    expect(parseMessage('"hello"')).toEqual(invalid(null, 'a message must be a JSON object'));
    expect(parseMessage('null')).toEqual(invalid(null, 'a message must be a JSON object'));
  });

  test('ids above 2^53 are refused rather than echoed wrongly', () => {
    expect(parseMessage('{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}')).toEqual(
      invalid(null, 'id must be a string or an integer within ±2^53 (and never null)'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":9007199254740991,"method":"ping"}')).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: 9007199254740991, method: 'ping' },
    });
  });

  test('batches are rejected with a clear error', () => {
    expect(parseMessage('[{"jsonrpc":"2.0","id":1,"method":"ping"}]')).toEqual(
      invalid(null, 'batches are not supported; send one message at a time'),
    );
  });

  test('malformed responses', () => {
    expect(parseMessage('{"jsonrpc":"2.0","id":1,"result":[]}')).toEqual(
      invalid(1, 'result must be an object'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":1}')).toEqual(
      invalid(1, 'expected method, result or error'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"m"}}')).toEqual(
      invalid(1, 'expected method, result or error'),
    );
    expect(parseMessage('{"jsonrpc":"2.0","result":{}}')).toEqual(
      invalid(null, 'a response needs a string or integer id'),
    );
    expect(
      parseMessage('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}'),
    ).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } },
    });
  });
});

describe('helpers', () => {
  test('decodeMessage accepts parsed values', () => {
    expect(decodeMessage({ jsonrpc: '2.0', id: 'x', method: 'tools/list', params: {} })).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: 'x', method: 'tools/list', params: {} },
    });
  });

  test('errorResponse omits data unless given', () => {
    expect(errorResponse(1, -32602, 'bad')).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32602, message: 'bad' },
    });
    expect(errorResponse(1, -32602, 'bad', { uri: 'x://y' })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32602, message: 'bad', data: { uri: 'x://y' } },
    });
  });

  test('serializeMessage is one line', () => {
    expect(serializeMessage({ jsonrpc: '2.0', method: 'a', params: { text: 'two\nlines' } })).toBe(
      '{"jsonrpc":"2.0","method":"a","params":{"text":"two\\nlines"}}',
    );
  });

  test('error codes are the spec values', () => {
    expect(ErrorCode).toEqual({
      ParseError: -32700,
      InvalidRequest: -32600,
      MethodNotFound: -32601,
      InvalidParams: -32602,
      InternalError: -32603,
      ResourceNotFound: -32002,
      UrlElicitationRequired: -32042,
      HeaderMismatch: -32020,
      MissingRequiredClientCapability: -32021,
      UnsupportedProtocolVersion: -32022,
      ConnectionClosed: -32000,
      RequestTimeout: -32001,
    });
  });
});
