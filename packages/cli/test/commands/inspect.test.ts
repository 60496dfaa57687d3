import { afterEach, describe, expect, test } from 'vitest';
import { FIXTURES, killAll, QUICKSTART, runCli, SERVERS } from '../helpers/cli.js';

afterEach(killAll);

const TINY_TOOLS = [
  {
    name: 'ping',
    inputSchema: { type: 'object', additionalProperties: false },
    description: 'Answer pong',
  },
];

describe('mcpkit inspect', () => {
  test('mcpkit format: one tidy object with every component', async () => {
    const { code, stdout, stderr } = await runCli(['inspect', SERVERS]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      server: {
        name: 'fixture',
        version: '1.2.3',
        instructions: 'Use greet to say hello.',
        protocolVersion: '2025-11-25',
        capabilities: {
          logging: {},
          completions: {},
          prompts: { listChanged: true },
          resources: { subscribe: true, listChanged: true },
          tools: { listChanged: true },
        },
      },
      tools: [
        {
          name: 'greet',
          inputSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
          },
          description: 'Greet someone by name',
        },
        {
          name: 'add',
          inputSchema: {
            type: 'object',
            properties: { a: { type: 'number' }, b: { type: 'number' } },
            required: ['a', 'b'],
          },
          description: 'Add two numbers',
          outputSchema: {
            type: 'object',
            properties: { sum: { type: 'number' } },
            required: ['sum'],
            additionalProperties: false,
          },
        },
        {
          name: 'fail',
          inputSchema: { type: 'object', additionalProperties: false },
          description: 'Always fails',
        },
      ],
      resources: [{ uri: 'config://app', name: 'app-config', mimeType: 'application/json' }],
      resourceTemplates: [{ uriTemplate: 'users://{id}/profile', name: 'user-profile' }],
      prompts: [
        {
          name: 'review',
          description: 'Review code',
          arguments: [{ name: 'code', required: true }],
        },
      ],
    });
    // Pretty-printed, one trailing newline.
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
  }, 60_000);

  test('mcp format: the wire results keyed by method; undeclared lists left out', async () => {
    const { code, stdout } = await runCli(['inspect', `${SERVERS}:tiny`, '--format', 'mcp']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      initialize: {
        protocolVersion: '2025-11-25',
        capabilities: { logging: {}, tools: { listChanged: true } },
        serverInfo: { name: 'tiny', version: '0.0.1' },
      },
      'tools/list': { tools: TINY_TOOLS },
    });
  }, 60_000);

  test('mcp format of a full server has all four lists', async () => {
    const { stdout } = await runCli(['inspect', SERVERS, '-f', 'mcp']);
    const wire = JSON.parse(stdout);
    expect(Object.keys(wire)).toEqual([
      'initialize',
      'tools/list',
      'resources/list',
      'resources/templates/list',
      'prompts/list',
    ]);
    expect(wire['resources/templates/list']).toEqual({
      resourceTemplates: [{ uriTemplate: 'users://{id}/profile', name: 'user-profile' }],
    });
    expect(wire.initialize.instructions).toBe('Use greet to say hello.');
  }, 60_000);

  test('the quickstart example, and a module that logs keeps stdout pure JSON', async () => {
    const quickstart = await runCli(['inspect', QUICKSTART]);
    expect(JSON.parse(quickstart.stdout).tools).toEqual([
      {
        name: 'greet',
        inputSchema: {
          type: 'object',
          properties: { name: { type: 'string', description: 'Who to greet' } },
          required: ['name'],
        },
        description: 'Greet someone by name',
      },
    ]);
    const noisy = await runCli(['inspect', `${FIXTURES}/noisy.ts`]);
    expect(JSON.parse(noisy.stdout).server.name).toBe('noisy');
    expect(noisy.stderr).toBe('noisy: loading\n');
  }, 60_000);

  test('errors', async () => {
    expect(await runCli(['inspect', SERVERS, '--format', 'yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mcpkit inspect: --format must be mcpkit or mcp, got yaml\n',
    });
    expect(await runCli(['inspect'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mcpkit inspect: missing <file> (see mcpkit inspect --help)\n',
    });
    expect((await runCli(['inspect', `${FIXTURES}/no-server.ts`])).code).toBe(1);
  }, 60_000);
});
