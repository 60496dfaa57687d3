import { createMemoryTransportPair, type ServerEndpoint } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { planSource } from '../src/source.js';

describe('planSource', () => {
  it('recognises a server definition and a transport', () => {
    const server: ServerEndpoint = {
      connect: async () => ({}) as never,
      handle: async () => ({}) as never,
      protocolVersions: [],
    };
    expect(planSource(server)).toEqual({ kind: 'memory', server });
    const [transport] = createMemoryTransportPair();
    expect(planSource(transport)).toEqual({ kind: 'transport', transport });
  });

  it('sends http(s) URLs to Streamable HTTP, and /sse paths to legacy SSE', () => {
    expect(planSource('http://127.0.0.1:8000/mcp')).toEqual({
      kind: 'http',
      url: new URL('http://127.0.0.1:8000/mcp'),
      headers: undefined,
      key: 'http://127.0.0.1:8000/mcp',
    });
    expect(planSource(new URL('https://example.com/sse/'))).toMatchObject({ kind: 'sse' });
    expect(planSource('HTTPS://example.com/sse')).toMatchObject({
      kind: 'sse',
      key: 'https://example.com/sse',
    });
    expect(planSource({ url: 'http://h/sse', transport: 'http', headers: { a: 'b' } })).toEqual({
      kind: 'http',
      url: new URL('http://h/sse'),
      headers: { a: 'b' },
      key: 'http://h/sse',
    });
  });

  it('runs commands as given and scripts under their interpreter', () => {
    expect(planSource('npx -y "@scope/pkg"')).toEqual({
      kind: 'stdio',
      config: { command: 'npx', args: ['-y', '@scope/pkg'] },
      key: 'npx -y @scope/pkg',
    });
    const stdio = (source: Parameters<typeof planSource>[0]) => {
      const plan = planSource(source);
      return plan.kind === 'stdio' ? plan.config : undefined;
    };
    expect(stdio('server.mjs --port 1')).toEqual({
      command: 'node',
      args: ['server.mjs', '--port', '1'],
    });
    expect(stdio('./a.cjs')).toEqual({ command: 'node', args: ['./a.cjs'] });
    expect(stdio('/srv/app.js')).toEqual({ command: 'node', args: ['/srv/app.js'] });
    expect(stdio('src/server.ts')).toEqual({
      command: 'node',
      args: ['--import', 'tsx', 'src/server.ts'],
    });
    expect(stdio('weather.py')).toEqual({ command: 'python3', args: ['weather.py'] });
    expect(stdio({ command: 'tool.py', args: ['-v'], env: { K: 'v' }, cwd: '/tmp' })).toEqual({
      command: 'python3',
      args: ['tool.py', '-v'],
      env: { K: 'v' },
      cwd: '/tmp',
    });
    expect(stdio({ command: 'uvx', args: ['mcp-server-fetch'] })).toEqual({
      command: 'uvx',
      args: ['mcp-server-fetch'],
    });
  });

  it('refuses what is not a source', () => {
    expect(() => planSource('   ')).toThrow('An empty command cannot start a server');
    expect(() => planSource({ nope: 1 } as never)).toThrow('Not a server source: {"nope":1}');
  });
});
