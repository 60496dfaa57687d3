import {
  claimsStatelessEra,
  envelopeMeta,
  hasCapability,
  type McpError,
  readEnvelope,
} from '@mcpkit/core';
import { describe, expect, test } from 'vitest';

const V = 'io.modelcontextprotocol/protocolVersion';
const C = 'io.modelcontextprotocol/clientCapabilities';
const I = 'io.modelcontextprotocol/clientInfo';
const L = 'io.modelcontextprotocol/logLevel';

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as McpError).toJSON();
  }
  throw new Error('expected a throw');
};

describe('readEnvelope', () => {
  test('reads a full envelope', () => {
    expect(
      readEnvelope({
        _meta: {
          [V]: '2026-07-28',
          [C]: { sampling: {} },
          [I]: { name: 'c', version: '1' },
          [L]: 'info',
        },
      }),
    ).toEqual({
      protocolVersion: '2026-07-28',
      clientCapabilities: { sampling: {} },
      clientInfo: { name: 'c', version: '1' },
      logLevel: 'info',
    });
  });

  test('clientInfo and logLevel are optional', () => {
    expect(readEnvelope({ _meta: { [V]: '2026-07-28', [C]: {} } })).toEqual({
      protocolVersion: '2026-07-28',
      clientCapabilities: {},
    });
  });

  test('no _meta → -32602 naming it', () => {
    expect(errorOf(() => readEnvelope(undefined))).toEqual({
      code: -32602,
      message: 'Invalid params: the request has no _meta envelope',
      data: { envelope: { missing: ['_meta'] } },
    });
    expect(errorOf(() => readEnvelope({ name: 'x' }))).toMatchObject({ code: -32602 });
  });

  test('missing keys → -32602 listing them', () => {
    expect(errorOf(() => readEnvelope({ _meta: { [C]: {} } }))).toEqual({
      code: -32602,
      message: `Invalid params: _meta is missing ${V}`,
      data: { envelope: { missing: [V] } },
    });
    expect(errorOf(() => readEnvelope({ _meta: { [V]: '2026-07-28' } }))).toEqual({
      code: -32602,
      message: `Invalid params: _meta is missing ${C}`,
      data: { envelope: { missing: [C] } },
    });
    expect(errorOf(() => readEnvelope({ _meta: { [V]: '2026-07-28', [C]: [] } }))).toMatchObject({
      data: { envelope: { missing: [C] } },
    });
    expect(errorOf(() => readEnvelope({ _meta: {} }))).toEqual({
      code: -32602,
      message: `Invalid params: _meta is missing ${V} and ${C}`,
      data: { envelope: { missing: [V, C] } },
    });
  });

  test('unsupported version → -32022 with supported and requested', () => {
    expect(errorOf(() => readEnvelope({ _meta: { [V]: 'v999.0.0', [C]: {} } }))).toEqual({
      code: -32022,
      message: 'Unsupported protocol version: v999.0.0',
      data: { supported: ['2026-07-28'], requested: 'v999.0.0' },
    });
    // A handshake-era version is not a valid envelope version.
    expect(errorOf(() => readEnvelope({ _meta: { [V]: '2025-11-25', [C]: {} } }))).toEqual({
      code: -32022,
      message: 'Unsupported protocol version: 2025-11-25',
      data: { supported: ['2026-07-28'], requested: '2025-11-25' },
    });
  });
});

describe('claimsStatelessEra', () => {
  test.each([
    [{ method: 'server/discover' }, undefined, true],
    [{ method: 'subscriptions/listen', params: {} }, undefined, true],
    [{ method: 'tools/list', params: { _meta: { [V]: 'x' } } }, undefined, true],
    [{ method: 'tools/list', params: { _meta: { [C]: {} } } }, undefined, true],
    [{ method: 'tools/list' }, '2026-07-28', true],
    [{ method: 'tools/list' }, '2025-11-25', false],
    [{ method: 'tools/list', params: { _meta: { progressToken: 1 } } }, undefined, false],
    [{ method: 'initialize', params: { protocolVersion: '2025-11-25' } }, undefined, false],
  ])('%j with header %s → %s', (request, header, expected) => {
    expect(claimsStatelessEra(request, header)).toBe(expected);
  });
});

describe('envelopeMeta', () => {
  test('builds the _meta a client sends', () => {
    expect(
      envelopeMeta({
        protocolVersion: '2026-07-28',
        clientCapabilities: { roots: {} },
        clientInfo: { name: 'a', version: '1' },
      }),
    ).toEqual({ [V]: '2026-07-28', [C]: { roots: {} }, [I]: { name: 'a', version: '1' } });
    expect(
      envelopeMeta({ protocolVersion: '2026-07-28', clientCapabilities: {}, logLevel: 'debug' }),
    ).toEqual({
      [V]: '2026-07-28',
      [C]: {},
      [L]: 'debug',
    });
  });
});

describe('hasCapability', () => {
  test.each([
    [{ sampling: {} }, { sampling: {} }, true],
    [{}, { sampling: {} }, false],
    [undefined, { sampling: {} }, false],
    [{ elicitation: {} }, { elicitation: { url: {} } }, false],
    [{ elicitation: { form: {}, url: {} } }, { elicitation: { url: {} } }, true],
    [{ sampling: { tools: {} }, roots: { listChanged: true } }, { sampling: {}, roots: {} }, true],
    [
      { extensions: { 'io.modelcontextprotocol/tasks': {} } },
      { extensions: { 'io.modelcontextprotocol/tasks': {} } },
      true,
    ],
    [{ extensions: {} }, { extensions: { 'io.modelcontextprotocol/tasks': {} } }, false],
  ])('%j has %j → %s', (declared, required, expected) => {
    expect(hasCapability(declared, required)).toBe(expected);
  });
});
