import { ENVELOPE_KEYS, type JsonObject } from '@mcpkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStatelessRequest, statusForResponse } from '../src/stateless-ladder.js';
import { createHttpHandler, type HttpHandler } from '../src/web-handler.js';
import { createFakeServer } from './helpers/fake-server.js';
import { envelope, post, rpc, statelessHeaders } from './helpers/requests.js';

const SUPPORTED = ['2026-07-28', '2025-11-25'];
const req = (method: string, params: JsonObject = {}) => ({
  jsonrpc: '2.0' as const,
  id: 1,
  method,
  params: { _meta: envelope(), ...params },
});
const mismatch = (message: string) => ({
  status: 400,
  code: -32020,
  message: `Header mismatch: ${message}`,
});

describe('checkStatelessRequest', () => {
  it('passes a well-formed request', () => {
    expect(
      checkStatelessRequest(req('tools/list'), statelessHeaders('tools/list'), SUPPORTED),
    ).toBe(undefined);
  });

  it('1: protocol-version header missing or different from _meta → -32020', () => {
    expect(
      checkStatelessRequest(req('tools/list'), { 'mcp-method': 'tools/list' }, SUPPORTED),
    ).toEqual(mismatch('the MCP-Protocol-Version header is required'));
    const v999 = req('tools/list', {
      _meta: envelope({ [ENVELOPE_KEYS.protocolVersion]: 'v999.0.0' }),
    });
    expect(checkStatelessRequest(v999, statelessHeaders('tools/list'), SUPPORTED)).toEqual(
      mismatch(
        'MCP-Protocol-Version header "2026-07-28" differs from _meta protocolVersion "v999.0.0"',
      ),
    );
  });

  it('2: envelope errors → 400 with -32602 / -32022 and their data', () => {
    const noMeta = { jsonrpc: '2.0' as const, id: 1, method: 'server/discover' };
    expect(checkStatelessRequest(noMeta, statelessHeaders('server/discover'), SUPPORTED)).toEqual({
      status: 400,
      code: -32602,
      message: 'Invalid params: the request has no _meta envelope',
      data: { envelope: { missing: ['_meta'] } },
    });
    const noCaps = req('server/discover', {
      _meta: { [ENVELOPE_KEYS.protocolVersion]: '2026-07-28' },
    });
    expect(
      checkStatelessRequest(noCaps, statelessHeaders('server/discover'), SUPPORTED)?.code,
    ).toBe(-32602);
    const v999 = req('server/discover', {
      _meta: envelope({ [ENVELOPE_KEYS.protocolVersion]: 'v999.0.0' }),
    });
    expect(
      checkStatelessRequest(
        v999,
        { 'mcp-protocol-version': 'v999.0.0', 'mcp-method': 'server/discover' },
        SUPPORTED,
      ),
    ).toEqual({
      status: 400,
      code: -32022,
      message: 'Unsupported protocol version: v999.0.0',
      data: { supported: ['2026-07-28'], requested: 'v999.0.0' },
    });
  });

  it('3: Mcp-Method missing, different, or differing in case → -32020; whitespace trimmed', () => {
    const h = { 'mcp-protocol-version': '2026-07-28' };
    expect(checkStatelessRequest(req('tools/list'), h, SUPPORTED)).toEqual(
      mismatch('the Mcp-Method header is required'),
    );
    expect(
      checkStatelessRequest(req('tools/list'), { ...h, 'mcp-method': 'prompts/list' }, SUPPORTED),
    ).toEqual(
      mismatch('Mcp-Method header "prompts/list" differs from the body method "tools/list"'),
    );
    expect(
      checkStatelessRequest(req('tools/list'), { ...h, 'mcp-method': 'TOOLS/LIST' }, SUPPORTED)
        ?.code,
    ).toBe(-32020);
    expect(
      checkStatelessRequest(req('tools/list'), { ...h, 'mcp-method': ' tools/list ' }, SUPPORTED),
    ).toBe(undefined);
  });

  it('4: Mcp-Name mirrors params.name / params.uri / params.taskId', () => {
    const call = req('tools/call', { name: 'greet' });
    expect(checkStatelessRequest(call, statelessHeaders('tools/call'), SUPPORTED)).toEqual(
      mismatch('the Mcp-Name header is required for tools/call'),
    );
    expect(checkStatelessRequest(call, statelessHeaders('tools/call', 'other'), SUPPORTED)).toEqual(
      mismatch('Mcp-Name header "other" differs from params.name "greet"'),
    );
    expect(checkStatelessRequest(call, statelessHeaders('tools/call', '  greet '), SUPPORTED)).toBe(
      undefined,
    );
    const read = req('resources/read', { uri: 'file:///a b' });
    expect(
      checkStatelessRequest(read, statelessHeaders('resources/read', 'file:///a b'), SUPPORTED),
    ).toBe(undefined);
    const task = req('tasks/get', { taskId: 't-1' });
    expect(checkStatelessRequest(task, statelessHeaders('tasks/get', 't-2'), SUPPORTED)?.code).toBe(
      -32020,
    );
    // No name in the body and none in the header: the server answers -32602 itself.
    expect(
      checkStatelessRequest(req('tools/call'), statelessHeaders('tools/call'), SUPPORTED),
    ).toBe(undefined);
  });

  it('4: decodes the Base64 sentinel and refuses bad Base64', () => {
    const call = req('prompts/get', { name: 'café' });
    expect(
      checkStatelessRequest(
        call,
        statelessHeaders('prompts/get', '=?base64?Y2Fmw6k=?='),
        SUPPORTED,
      ),
    ).toBe(undefined);
    expect(
      checkStatelessRequest(call, statelessHeaders('prompts/get', '=?base64?Y2Fmw6k?='), SUPPORTED),
    ).toEqual(mismatch('the Mcp-Name header is not valid Base64 UTF-8'));
  });
});

describe('statusForResponse', () => {
  it('maps stateless-era error codes to HTTP statuses', () => {
    expect(statusForResponse(undefined)).toBe(200);
    expect(statusForResponse({ code: -32601 })).toBe(404);
    expect([-32020, -32021, -32022].map((code) => statusForResponse({ code }))).toEqual([
      400, 400, 400,
    ]);
    expect(statusForResponse({ code: -32602 })).toBe(200);
    expect(statusForResponse({ code: -32603 })).toBe(200);
  });
});

describe('the ladder over HTTP (conformance http-header-validation and server-stateless rows)', () => {
  let handler: HttpHandler;
  beforeEach(() => {
    handler = createHttpHandler(createFakeServer());
  });
  afterEach(async () => {
    await handler.close();
  });

  const send = async (body: JsonObject, headers: Record<string, string>) => {
    const res = await handler(post(body, headers));
    return {
      status: res.status,
      body: (await res.json()) as { id: unknown; error?: { code: number } },
    };
  };

  it('rejects with 400 and echoes the request id', async () => {
    const list = rpc(42, 'tools/list', { _meta: envelope() });
    const cases: Array<Record<string, string>> = [
      { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'prompts/list' },
      { 'mcp-protocol-version': '2026-07-28' },
      { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'TOOLS/LIST' },
    ];
    for (const headers of cases) {
      const r = await send(list, headers);
      expect([r.status, r.body.id, r.body.error?.code]).toEqual([400, 42, -32020]);
    }
    const call = rpc(43, 'tools/call', { name: 'echo', arguments: {}, _meta: envelope() });
    const noName = await send(call, statelessHeaders('tools/call'));
    expect([noName.status, noName.body.error?.code]).toEqual([400, -32020]);
    const wrongName = await send(call, statelessHeaders('tools/call', 'other'));
    expect([wrongName.status, wrongName.body.error?.code]).toEqual([400, -32020]);
  });

  it('accepts header names in any case and OWS around values', async () => {
    const list = rpc(1, 'tools/call', { name: 'echo', arguments: {}, _meta: envelope() });
    for (const name of ['mcp-method', 'MCP-METHOD', 'Mcp-Method']) {
      const r = await send(list, {
        'MCP-Protocol-Version': '2026-07-28',
        [name]: 'tools/call',
        'Mcp-Name': '  echo  ',
      });
      expect([r.status, r.body.error]).toEqual([200, undefined]);
    }
  });

  it('-32602 (400) for missing _meta pieces; clientInfo is optional', async () => {
    const h = statelessHeaders('server/discover');
    const noMeta = await send(rpc(1, 'server/discover'), h);
    expect([noMeta.status, noMeta.body.error?.code]).toEqual([400, -32602]);
    const noVersion = await send(
      rpc(2, 'server/discover', { _meta: { [ENVELOPE_KEYS.clientCapabilities]: {} } }),
      h,
    );
    expect([noVersion.status, noVersion.body.error?.code]).toEqual([400, -32602]);
    const noInfo = await send(
      rpc(3, 'server/discover', {
        _meta: {
          [ENVELOPE_KEYS.protocolVersion]: '2026-07-28',
          [ENVELOPE_KEYS.clientCapabilities]: {},
        },
      }),
      h,
    );
    expect([noInfo.status, noInfo.body.error]).toEqual([200, undefined]);
  });

  it('-32022 (400) for an unsupported version in header and _meta; -32020 when they differ', async () => {
    const meta = envelope({ [ENVELOPE_KEYS.protocolVersion]: 'v999.0.0' });
    const both = await send(rpc(1, 'server/discover', { _meta: meta }), {
      'mcp-protocol-version': 'v999.0.0',
      'mcp-method': 'server/discover',
    });
    expect(both).toEqual({
      status: 400,
      body: {
        jsonrpc: '2.0',
        id: 1,
        error: {
          code: -32022,
          message: 'Unsupported protocol version: v999.0.0',
          data: { supported: ['2026-07-28'], requested: 'v999.0.0' },
        },
      },
    });
    const differ = await send(
      rpc(2, 'server/discover', { _meta: meta }),
      statelessHeaders('server/discover'),
    );
    expect([differ.status, differ.body.error?.code]).toEqual([400, -32020]);
  });
});
