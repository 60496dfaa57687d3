import { type HttpServerHandle, serveHttp } from '@mcpkit/http/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMA_2020_12 } from '../src/fixture/content-tools.js';
import { createEverythingServer } from '../src/fixture/everything.js';
import { PNG_BASE64 } from '../src/fixture/media.js';

// The suite itself needs Node 22 and minutes; these pin the fixture's exact answers over real
// HTTP (the suite is lax: e.g. it accepts any non-empty text where we promise a precise one).

const SERVER_INFO = {
  'io.modelcontextprotocol/serverInfo': {
    name: 'mcpkit-conformance-everything-server',
    version: '1.0.0',
  },
};

let http: HttpServerHandle;
let nextId = 1;

beforeAll(async () => {
  http = await serveHttp(createEverythingServer(), { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await http?.close();
});

/** One stateless-era (2026-07-28) POST with the envelope and standard headers. */
async function call(
  method: string,
  params: Record<string, unknown>,
  caps: object = {},
  extraHeaders: Record<string, string> = {},
) {
  const name = (params.name ?? params.uri) as string | undefined;
  const res = await fetch(http.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': method,
      ...(name === undefined ? {} : { 'mcp-name': name }),
      ...extraHeaders,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: nextId++,
      method,
      params: {
        ...params,
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': caps,
        },
      },
    }),
  });
  const text = await res.text();
  // An SSE answer ends with the response event; JSON answers are the body itself.
  const json = res.headers.get('content-type')?.includes('text/event-stream')
    ? text
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .at(-1)
        ?.slice(6)
    : text;
  return { status: res.status, body: JSON.parse(json ?? 'null') as Record<string, unknown> };
}

describe('everything-server over Streamable HTTP, 2026-07-28 wire', () => {
  it('test_simple_text answers the reference text', async () => {
    const { status, body } = await call('tools/call', { name: 'test_simple_text' });
    expect(status).toBe(200);
    expect(body.result).toEqual({
      content: [{ type: 'text', text: 'This is a simple text response for testing.' }],
      resultType: 'complete',
      _meta: SERVER_INFO,
    });
  });

  it('test_error_handling is a tool result with isError, not a JSON-RPC error', async () => {
    const { body } = await call('tools/call', { name: 'test_error_handling' });
    expect(body.result).toEqual({
      content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }],
      isError: true,
      resultType: 'complete',
      _meta: SERVER_INFO,
    });
  });

  it('test_multiple_content_types returns text, image and resource in order', async () => {
    const { body } = await call('tools/call', { name: 'test_multiple_content_types' });
    expect((body.result as { content: unknown }).content).toEqual([
      { type: 'text', text: 'Multiple content types test:' },
      { type: 'image', data: PNG_BASE64, mimeType: 'image/png' },
      {
        type: 'resource',
        resource: {
          uri: 'test://mixed-content-resource',
          mimeType: 'application/json',
          text: '{"test":"data","value":123}',
        },
      },
    ]);
  });

  it('lists json_schema_2020_12_tool with its schema untouched', async () => {
    const { body } = await call('tools/list', {});
    const tools = (body.result as { tools: Array<{ name: string; inputSchema: unknown }> }).tools;
    expect(tools.find((t) => t.name === 'json_schema_2020_12_tool')?.inputSchema).toEqual(
      JSON_SCHEMA_2020_12,
    );
    // http-header-validation calls the first listed tool with {}: it must be test_simple_text.
    expect(tools[0]?.name).toBe('test_simple_text');
  });

  it('reads the template resource as the reference JSON, with cache hints', async () => {
    const uri = 'test://template/123/data';
    const { body } = await call('resources/read', { uri });
    expect(body.result).toEqual({
      contents: [
        {
          uri,
          mimeType: 'application/json',
          text: '{"id":"123","templateTest":true,"data":"Data for ID: 123"}',
        },
      ],
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: SERVER_INFO,
    });
  });

  it('renders test_prompt_with_arguments and completes arg1', async () => {
    const name = 'test_prompt_with_arguments';
    const prompt = await call('prompts/get', { name, arguments: { arg1: 'x', arg2: 'y' } });
    expect((prompt.body.result as { messages: unknown }).messages).toEqual([
      {
        role: 'user',
        content: { type: 'text', text: "Prompt with arguments: arg1='x', arg2='y'" },
      },
    ]);
    const done = await call('completion/complete', {
      ref: { type: 'ref/prompt', name },
      argument: { name: 'arg1', value: 'testi' },
    });
    expect((done.body.result as { completion: unknown }).completion).toEqual({
      values: ['testing'],
      total: 1,
      hasMore: false,
    });
  });

  it('runs the MRTR elicitation tool over two rounds', async () => {
    const name = 'test_input_required_result_elicitation';
    const caps = { elicitation: {} };
    const first = await call('tools/call', { name }, caps);
    const round1 = first.body.result as Record<string, unknown>;
    expect(round1.resultType).toBe('input_required');
    expect(round1.inputRequests).toEqual({
      user_name: {
        method: 'elicitation/create',
        params: {
          message: 'What is your name?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
          },
        },
      },
    });
    const second = await call(
      'tools/call',
      {
        name,
        inputResponses: { user_name: { action: 'accept', content: { name: 'Ada' } } },
        requestState: round1.requestState,
      },
      caps,
    );
    expect(second.body.result).toEqual({
      content: [{ type: 'text', text: 'Hello, Ada!' }],
      resultType: 'complete',
      _meta: SERVER_INFO,
    });
  });

  it('answers test_missing_capability without sampling with -32021 and HTTP 400', async () => {
    const { status, body } = await call('tools/call', { name: 'test_missing_capability' });
    expect(status).toBe(400);
    expect((body.error as { code: number; data: unknown }).code).toBe(-32021);
    expect((body.error as { data: unknown }).data).toEqual({
      requiredCapabilities: { sampling: {} },
    });
  });

  it('test_x_mcp_header checks Mcp-Param-Region against the region argument (SEP-2243)', async () => {
    const params = { name: 'test_x_mcp_header', arguments: { region: 'Hello' } };
    const good = await call(
      'tools/call',
      params,
      {},
      { 'mcp-param-region': '=?base64?SGVsbG8=?=' },
    );
    expect(good).toEqual({
      status: 200,
      body: {
        jsonrpc: '2.0',
        id: expect.any(Number),
        result: {
          content: [{ type: 'text', text: 'region=Hello' }],
          resultType: 'complete',
          _meta: SERVER_INFO,
        },
      },
    });
    const missing = await call('tools/call', params);
    expect(missing).toEqual({
      status: 400,
      body: {
        jsonrpc: '2.0',
        id: expect.any(Number),
        error: {
          code: -32020,
          message:
            'Header mismatch: the Mcp-Param-Region header is required: arguments.region is set',
          data: { mismatch: { header: 'Mcp-Param-Region', body: 'arguments.region' } },
        },
      },
    });
  });

  it('test_tool_with_task: an MRTR round, then a task polled with tasks/get (Mcp-Name checked)', async () => {
    const tasks = { elicitation: {}, extensions: { 'io.modelcontextprotocol/tasks': {} } };
    const r1 = await call('tools/call', { name: 'test_tool_with_task' }, tasks);
    const round1 = r1.body.result as Record<string, unknown>;
    expect(Object.keys(round1.inputRequests as object)).toEqual(['user_name']);
    const r2 = await call(
      'tools/call',
      {
        name: 'test_tool_with_task',
        inputResponses: { user_name: { action: 'accept', content: { name: 'Alice' } } },
        requestState: round1.requestState,
      },
      tasks,
    );
    const created = r2.body.result as Record<string, unknown>;
    const taskId = created.taskId as string;
    expect(created).toEqual({
      resultType: 'task',
      taskId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/),
      status: 'working',
      createdAt: expect.any(String),
      lastUpdatedAt: created.createdAt,
      ttlMs: 300_000,
      pollIntervalMs: 200,
      _meta: SERVER_INFO,
    });
    const wrong = await call('tasks/get', { taskId }, tasks, { 'mcp-name': 'another-task' });
    expect(wrong.status).toBe(400);
    expect((wrong.body.error as { code: number }).code).toBe(-32020);
    let task: Record<string, unknown> = {};
    for (let i = 0; i < 100 && task.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      task = (await call('tasks/get', { taskId }, tasks, { 'mcp-name': taskId })).body
        .result as Record<string, unknown>;
    }
    expect(task.result).toEqual({
      resultType: 'complete',
      content: [{ type: 'text', text: `Hello, Alice! (task ${taskId})` }],
    });
  });

  it('serves the pdf-processing skill (skills/get, SKILL.md, directory read)', async () => {
    const uri = 'skill://pdf-processing/SKILL.md';
    const { body } = await call('skills/get', { uri });
    expect(body.result).toEqual({
      skill: {
        uri,
        frontmatter: {
          name: 'pdf-processing',
          description: 'Extract, fill, and assemble PDF documents',
          license: 'MIT',
        },
        resources: [
          {
            uri,
            digest: 'sha256:3175c3f6022f325611dc7a49ee66a66614a969f8a47cb23f2cf67d9d785c01d0',
            size: 176,
          },
          {
            uri: 'skill://pdf-processing/references/FORMS.md',
            digest: 'sha256:24e17e88707c0772389262dfdb40ce75712855c6dafabe80cd5fb3f944813914',
            size: 50,
          },
          {
            uri: 'skill://pdf-processing/scripts/fill.py',
            digest: 'sha256:65b980468e5681b7ac9319c4cbdc24c4ebc3bc654f03276e92f9a8a76f393202',
            size: 42,
          },
        ],
      },
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: SERVER_INFO,
    });
    const read = await call('resources/read', { uri });
    expect((read.body.result as { contents: unknown }).contents).toEqual([
      {
        uri,
        mimeType: 'text/markdown',
        text: '---\nname: pdf-processing\ndescription: Extract, fill, and assemble PDF documents\nlicense: MIT\n---\n\n# PDF processing\n\nFill forms with `scripts/fill.py`; see references/FORMS.md.\n',
      },
    ]);
    const dir = await call('resources/directory/read', { uri: 'skill://pdf-processing' });
    expect(dir.body.result).toEqual({
      resources: [
        { uri, name: 'SKILL.md', mimeType: 'text/markdown', size: 176 },
        {
          uri: 'skill://pdf-processing/references',
          name: 'references',
          mimeType: 'inode/directory',
        },
        { uri: 'skill://pdf-processing/scripts', name: 'scripts', mimeType: 'inode/directory' },
      ],
      resultType: 'complete',
      _meta: SERVER_INFO,
    });
  });

  it('refuses a foreign Host (DNS-rebinding protection)', async () => {
    const res = await fetch(http.url, {
      method: 'POST',
      headers: {
        host: 'evil.example.com',
        origin: 'http://evil.example.com',
        'content-type': 'application/json',
      },
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    });
    await res.body?.cancel();
    expect(res.status).toBe(403);
  });
});

describe('everything-server over Streamable HTTP, 2025-11-25 wire', () => {
  it('test_reconnection ends its POST stream before the result; GET + Last-Event-ID gets it', async () => {
    const post = (message: object, headers: Record<string, string> = {}) =>
      fetch(http.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream, application/json',
          ...headers,
        },
        body: JSON.stringify(message),
      });
    const init = await post({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'fixture-test', version: '1.0.0' },
      },
    });
    const sid = init.headers.get('mcp-session-id') ?? '';
    await init.text();
    const headers = { 'mcp-session-id': sid, 'mcp-protocol-version': '2025-11-25' };
    try {
      await (await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers)).text();
      const first = await (
        await post(
          { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'test_reconnection' } },
          headers,
        )
      ).text();
      const primingId = /^id: (.+)$/m.exec(first)?.[1] ?? '';
      expect(first).not.toContain('"result"');
      const resumed = await fetch(http.url, {
        headers: { ...headers, accept: 'text/event-stream', 'last-event-id': primingId },
      });
      const data = (await resumed.text())
        .split('\n')
        .filter((line) => line.startsWith('data: ') && line.length > 6)
        .map((line) => JSON.parse(line.slice(6)));
      expect(data).toEqual([
        {
          jsonrpc: '2.0',
          id: 1,
          result: {
            content: [
              {
                type: 'text',
                text: 'Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.',
              },
            ],
          },
        },
      ]);
    } finally {
      await (await fetch(http.url, { method: 'DELETE', headers })).body?.cancel();
    }
  });
});
