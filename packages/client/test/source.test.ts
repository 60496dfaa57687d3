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
      return plan.kind === 'stdio' ? { ...plan.config, script: plan.script ?? false } : undefined;
    };
    // Scripts keep their path as the command; @mcpkit/stdio's scriptCommand picks the interpreter.
    expect(stdio('server.mjs --port 1')).toEqual({
      command: 'server.mjs',
      args: ['--port', '1'],
      script: true,
    });
    expect(stdio('./a.cjs')).toEqual({ command: './a.cjs', args: [], script: true });
    expect(stdio('src/server.ts')).toEqual({ command: 'src/server.ts', args: [], script: true });
    expect(stdio('weather.py')).toEqual({ command: 'weather.py', args: [], script: true });
    expect(stdio({ command: 'tool.py', args: ['-v'], env: { K: 'v' }, cwd: '/tmp' })).toEqual({
      command: 'tool.py',
      args: ['-v'],
      env: { K: 'v' },
      cwd: '/tmp',
      script: true,
    });
    expect(stdio({ command: 'uvx', args: ['mcp-server-fetch'] })).toEqual({
      command: 'uvx',
      args: ['mcp-server-fetch'],
      script: false,
    });
  });
  it('refuses what is not a source', () => {
    expect(() => planSource('   ')).toThrow('An empty command cannot start a server');
    expect(() => planSource({ nope: 1 } as never)).toThrow('Not a server source: {"nope":1}');
  });
});
