import { createHttpHandler } from '@mcpkit/http';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServer } from '../src/index.js';
import { checkParamHeaders, paramHeadersOf } from '../src/param-headers.js';
import { body, envelope, handle, initialized, SERVER_INFO } from './helpers.js';

const annotated = () =>
  createServer({ name: 'h', version: '1.0.0' }).tool(
    'route',
    {
      input: {
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          count: { type: 'integer', 'x-mcp-header': 'Count' },
          dry: { type: 'boolean', 'x-mcp-header': 'Dry-Run' },
          note: { type: 'string' },
        },
      },
    },
    (args) => `ok ${JSON.stringify(args)}`,
  );

const call = (
  args: Record<string, unknown>,
  headers: Record<string, string> | undefined,
  server = annotated(),
) =>
  handle(
    server,
    'tools/call',
    { name: 'route', arguments: args },
    {
      info: headers ? { headers } : undefined,
    },
  );

const ok = (args: Record<string, unknown>) => ({
  content: [{ type: 'text', text: `ok ${JSON.stringify(args)}` }],
});

const mismatch = (header: string, property: string, message: string) => ({
  code: -32020,
  message: `Header mismatch: ${message}`,
  data: { mismatch: { header, body: `arguments.${property}` } },
});

describe('Mcp-Param-* headers (stateless era, SEP-2243)', () => {
  it('accepts headers that mirror every annotated argument, literal or Base64', async () => {
    const args = { region: 'Hello', count: 42, dry: false, note: 'not mirrored' };
    const { response } = await call(args, {
      'mcp-param-region': '=?base64?SGVsbG8=?=',
      'mcp-param-count': '42',
      'mcp-param-dry-run': ' false ',
    });
    expect('result' in response && body(response.result)).toEqual(ok(args));
  });

  it('accepts a non-ASCII value sent as Base64 and literal values lacking the full sentinel', async () => {
    const a = await call({ region: 'café' }, { 'mcp-param-region': '=?base64?Y2Fmw6k=?=' });
    expect('result' in a.response).toBe(true);
    const b = await call(
      { region: '=?base64?SGVsbG8=' },
      { 'mcp-param-region': '=?base64?SGVsbG8=' },
    );
    expect('result' in b.response).toBe(true);
    const c = await call({ region: 'SGVsbG8=' }, { 'mcp-param-region': 'SGVsbG8=' });
    expect('result' in c.response).toBe(true);
  });

  it('needs no header for absent or null arguments', async () => {
    const absent = await call({ note: 'n' }, {});
    expect('result' in absent.response && body(absent.response.result)).toEqual(ok({ note: 'n' }));
    // null passes the header check and reaches input validation (which refuses it here).
    const nulled = await call({ region: null }, {});
    expect('result' in nulled.response && body(nulled.response.result)).toEqual({
      content: [
        {
          type: 'text',
          text: 'Invalid arguments for tool route: Invalid input: region: expected string, received null',
        },
      ],
      isError: true,
    });
  });

  it('rejects a missing header when the body carries the value', async () => {
    const { response } = await call({ region: 'eu' }, {});
    expect(response).toEqual({
      jsonrpc: '2.0',
      id: response.id,
      error: mismatch(
        'Mcp-Param-Region',
        'region',
        'the Mcp-Param-Region header is required: arguments.region is set',
      ),
    });
  });

  it('rejects undecodable Base64 (bad padding, bad characters, bad UTF-8)', async () => {
    for (const raw of ['=?base64?SGVsbG8?=', '=?base64?SGVs!!!bG8=?=', '=?base64?/w==?=']) {
      const { response } = await call({ region: 'Hello' }, { 'mcp-param-region': raw });
      expect('error' in response && response.error).toEqual(
        mismatch(
          'Mcp-Param-Region',
          'region',
          'the Mcp-Param-Region header is not valid Base64 UTF-8',
        ),
      );
    }
  });

  it('rejects values that differ from the body, compared in wire form', async () => {
    const region = await call({ region: 'eu' }, { 'mcp-param-region': 'us' });
    expect('error' in region.response && region.response.error).toEqual(
      mismatch(
        'Mcp-Param-Region',
        'region',
        'Mcp-Param-Region header "us" differs from arguments.region ("eu")',
      ),
    );
    const count = await call({ count: 7 }, { 'mcp-param-count': '7.0' });
    expect('error' in count.response && count.response.error).toEqual(
      mismatch(
        'Mcp-Param-Count',
        'count',
        'Mcp-Param-Count header "7.0" differs from arguments.count ("7")',
      ),
    );
    const dry = await call({ dry: true }, { 'mcp-param-dry-run': 'TRUE' });
    expect('error' in dry.response && dry.response.error).toEqual(
      mismatch(
        'Mcp-Param-Dry-Run',
        'dry',
        'Mcp-Param-Dry-Run header "TRUE" differs from arguments.dry ("true")',
      ),
    );
  });

  it('rejects a header whose argument is absent', async () => {
    const { response } = await call({}, { 'mcp-param-region': 'eu' });
    expect('error' in response && response.error).toEqual(
      mismatch(
        'Mcp-Param-Region',
        'region',
        'Mcp-Param-Region header "eu" differs from arguments.region (not set)',
      ),
    );
  });

  it('checks nothing on requests without headers (stdio, memory)', async () => {
    const { response } = await call({ region: 'eu' }, undefined);
    expect('result' in response && body(response.result)).toEqual(ok({ region: 'eu' }));
  });

  it('checks nothing in the handshake era', async () => {
    await using raw = await initialized(annotated());
    // Over memory there are no headers; the handshake path must not look for them either.
    const result = await raw.client.request('tools/call', {
      name: 'route',
      arguments: { region: 'eu' },
    });
    expect(result).toEqual(ok({ region: 'eu' }));
  });

  it('reads annotations from zod .meta() and checks mounted tools by their wire schema', async () => {
    const sub = createServer({ name: 'sub', version: '1.0.0' }).tool(
      'where',
      { input: z.object({ zone: z.string().meta({ 'x-mcp-header': 'Zone' }) }) },
      ({ zone }) => `zone ${zone}`,
    );
    const main = createServer({ name: 'main', version: '1.0.0' }).mount(sub, { prefix: 'geo' });
    const bad = await handle(
      main,
      'tools/call',
      {
        name: 'geo_where',
        arguments: { zone: 'a' },
      },
      { info: { headers: { 'mcp-param-zone': 'b' } } },
    );
    expect('error' in bad.response && bad.response.error).toEqual(
      mismatch(
        'Mcp-Param-Zone',
        'zone',
        'Mcp-Param-Zone header "b" differs from arguments.zone ("a")',
      ),
    );
    const good = await handle(
      main,
      'tools/call',
      {
        name: 'geo_where',
        arguments: { zone: 'a' },
      },
      { info: { headers: { 'mcp-param-zone': 'a' } } },
    );
    expect('result' in good.response && good.response.result).toEqual({
      content: [{ type: 'text', text: 'zone a' }],
      resultType: 'complete',
      _meta: { [SERVER_INFO]: { name: 'main', version: '1.0.0' } },
    });
  });

  it('answers HTTP 400 with -32020 through @mcpkit/http', async () => {
    const handler = createHttpHandler(annotated());
    const post = (headers: Record<string, string>) =>
      handler(
        new Request('http://127.0.0.1/mcp', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-protocol-version': '2026-07-28',
            'mcp-method': 'tools/call',
            'mcp-name': 'route',
            ...headers,
          },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 9,
            method: 'tools/call',
            params: { name: 'route', arguments: { region: 'Hello' }, _meta: envelope() },
          }),
        }),
      );
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      jsonrpc: '2.0',
      id: 9,
      error: mismatch(
        'Mcp-Param-Region',
        'region',
        'the Mcp-Param-Region header is required: arguments.region is set',
      ),
    });
    const good = await post({ 'Mcp-Param-Region': '=?base64?SGVsbG8=?=' });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({
      jsonrpc: '2.0',
      id: 9,
      result: {
        content: [{ type: 'text', text: 'ok {"region":"Hello"}' }],
        resultType: 'complete',
        _meta: { [SERVER_INFO]: { name: 'h', version: '1.0.0' } },
      },
    });
  });
});

describe('x-mcp-header annotations at registration', () => {
  const register = (properties: Record<string, unknown>) => () =>
    createServer({ name: 'r', version: '1.0.0' }).tool(
      't',
      { input: { type: 'object', properties } },
      () => '',
    );

  it('accepts string, integer and boolean properties with distinct token names', () => {
    expect(
      register({
        a: { type: 'string', 'x-mcp-header': "A-b_c.d!#$%&'*+^`|~9" },
        b: { type: 'integer', 'x-mcp-header': 'B' },
        c: { type: 'boolean', 'x-mcp-header': 'C' },
      }),
    ).not.toThrow();
  });

  it('refuses empty and non-string names', () => {
    expect(register({ a: { type: 'string', 'x-mcp-header': '' } })).toThrow(
      new TypeError('tool t: property "a" has an empty or non-string x-mcp-header'),
    );
    expect(register({ a: { type: 'string', 'x-mcp-header': 5 } })).toThrow(
      new TypeError('tool t: property "a" has an empty or non-string x-mcp-header'),
    );
  });

  it('refuses names with spaces, colons, control or non-ASCII characters', () => {
    for (const name of ['Re gion', 'Re:gion', 'Re\tgion', 'Régión']) {
      expect(register({ a: { type: 'string', 'x-mcp-header': name } })).toThrow(
        new TypeError(
          `tool t: property "a": x-mcp-header ${JSON.stringify(name)} may only use ASCII letters, digits and !#$%&'*+-.^_\`|~`,
        ),
      );
    }
  });

  it('refuses names used twice, ignoring case', () => {
    expect(
      register({
        a: { type: 'string', 'x-mcp-header': 'Region' },
        b: { type: 'string', 'x-mcp-header': 'REGION' },
      }),
    ).toThrow(
      new TypeError(
        'tool t: x-mcp-header "REGION" is used by both "a" and "b" (header names ignore case)',
      ),
    );
  });

  it('refuses properties that are not string, integer or boolean', () => {
    for (const [schema, type] of [
      [{ type: 'number' }, '"number"'],
      [{ type: 'object' }, '"object"'],
      [{ type: 'array', items: { type: 'string' } }, '"array"'],
      [{ type: 'null' }, '"null"'],
      [{ type: ['string', 'null'] }, '["string","null"]'],
      [{}, 'null'],
    ] as const) {
      expect(register({ a: { ...schema, 'x-mcp-header': 'A' } })).toThrow(
        new TypeError(
          `tool t: property "a": x-mcp-header needs a string, integer or boolean property, not ${type}`,
        ),
      );
    }
  });
});

describe('paramHeadersOf / checkParamHeaders', () => {
  it('lists only the annotations clients keep (a proxied tool is not checked at registration)', () => {
    const tool = {
      name: 'p',
      inputSchema: {
        type: 'object' as const,
        properties: {
          ok: { type: 'string', 'x-mcp-header': 'Ok' },
          spaced: { type: 'string', 'x-mcp-header': 'Not ok' },
          num: { type: 'number', 'x-mcp-header': 'Num' },
        },
      },
    };
    expect(paramHeadersOf(tool)).toEqual([{ property: 'ok', header: 'Ok', key: 'mcp-param-ok' }]);
    expect(paramHeadersOf(tool)).toBe(paramHeadersOf(tool));
    expect(() => checkParamHeaders(tool, { num: 1.5, spaced: 'x' }, {})).not.toThrow();
  });
});
