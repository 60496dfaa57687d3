import { McpError } from '@mcpkit/core';
import {
  createServer,
  type ErrorInfo,
  PromptError,
  ResourceError,
  ToolError,
} from '@mcpkit/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { body, failure, result } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const bug = new Error('db password is hunter2');

const failing = (options: { mask?: boolean; reports?: [unknown, ErrorInfo][] } = {}) =>
  createServer({
    name: 's',
    version: '1',
    maskErrorDetails: options.mask ?? false,
    onError: options.reports
      ? (error, info) => void options.reports?.push([error, info])
      : undefined,
  })
    .tool('bug', {}, () => {
      throw bug;
    })
    .tool('public', {}, () => {
      throw new ToolError('City not found');
    })
    .tool('protocol', {}, () => {
      throw new McpError(-32602, 'Invalid params: nope');
    })
    .resource('res://x', {}, () => {
      throw bug;
    })
    .resource('res://public', {}, () => {
      throw new ResourceError('gone');
    })
    .prompt('p', {}, () => {
      throw bug;
    })
    .prompt('public-p', {}, () => {
      throw new PromptError('no');
    });

const isErrorResult = (text: string) => ({ content: [{ type: 'text', text }], isError: true });

describe('onError', () => {
  test('receives masked errors with the method and the tool, resource or prompt', async () => {
    const reports: [unknown, ErrorInfo][] = [];
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = failing({ mask: true, reports });
    expect(body(await result(server, 'tools/call', { name: 'bug' }))).toEqual(
      isErrorResult('Error calling tool bug'),
    );
    expect(await failure(server, 'resources/read', { uri: 'res://x' })).toEqual({
      code: -32603,
      message: 'Error reading resource res://x',
    });
    expect(await failure(server, 'prompts/get', { name: 'p' })).toEqual({
      code: -32603,
      message: 'Error getting prompt p',
    });
    expect(reports).toEqual([
      [bug, { method: 'tools/call', name: 'bug', masked: true }],
      [bug, { method: 'resources/read', name: 'res://x', masked: true }],
      [bug, { method: 'prompts/get', name: 'p', masked: true }],
    ]);
    expect(stderr).not.toHaveBeenCalled();
  });

  test('receives unexpected errors that are not masked too (their text reaches the client)', async () => {
    const reports: [unknown, ErrorInfo][] = [];
    const server = failing({ reports });
    expect(body(await result(server, 'tools/call', { name: 'bug' }))).toEqual(
      isErrorResult('db password is hunter2'),
    );
    expect(await failure(server, 'prompts/get', { name: 'p' })).toEqual({
      code: -32603,
      message: 'db password is hunter2',
    });
    expect(reports).toEqual([
      [bug, { method: 'tools/call', name: 'bug', masked: false }],
      [bug, { method: 'prompts/get', name: 'p', masked: false }],
    ]);
  });

  test('is not told about ToolError, ResourceError, PromptError or McpError', async () => {
    const reports: [unknown, ErrorInfo][] = [];
    const server = failing({ mask: true, reports });
    expect(body(await result(server, 'tools/call', { name: 'public' }))).toEqual(
      isErrorResult('City not found'),
    );
    expect(await failure(server, 'tools/call', { name: 'protocol' })).toEqual({
      code: -32602,
      message: 'Invalid params: nope',
    });
    expect(await failure(server, 'resources/read', { uri: 'res://public' })).toEqual({
      code: -32603,
      message: 'gone',
    });
    expect(await failure(server, 'prompts/get', { name: 'public-p' })).toEqual({
      code: -32603,
      message: 'no',
    });
    expect(reports).toEqual([]);
  });

  test('hears about middleware failures of other methods, without a name', async () => {
    const reports: [unknown, ErrorInfo][] = [];
    const server = failing({ mask: true, reports }).use({
      onListTools: () => {
        throw bug;
      },
    });
    expect(await failure(server, 'tools/list')).toEqual({
      code: -32603,
      message: 'Error handling tools/list',
    });
    expect(reports).toEqual([[bug, { method: 'tools/list', name: undefined, masked: true }]]);
  });

  test('default: masked errors go to console.error, unmasked ones are not logged', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    await result(failing({ mask: false }), 'tools/call', { name: 'bug' });
    expect(stderr).not.toHaveBeenCalled();
    const masked = failing({ mask: true });
    await result(masked, 'tools/call', { name: 'bug' });
    await failure(masked, 'resources/read', { uri: 'res://x' });
    expect(stderr.mock.calls).toEqual([
      ['mcpkit: tool bug failed:', bug],
      ['mcpkit: reading resource res://x failed:', bug],
    ]);
  });

  test('a throwing onError changes no answer; its failure goes to console.error', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = new Error('reporter down');
    const server = createServer({
      name: 's',
      version: '1',
      maskErrorDetails: true,
      onError: () => {
        throw broken;
      },
    }).tool('bug', {}, () => {
      throw bug;
    });
    expect(body(await result(server, 'tools/call', { name: 'bug' }))).toEqual(
      isErrorResult('Error calling tool bug'),
    );
    expect(stderr.mock.calls).toEqual([['mcpkit: onError threw:', broken]]);
  });

  test("a masking mounted server reports to its own onError once; the parent's hears nothing", async () => {
    const subReports: [unknown, ErrorInfo][] = [];
    const parentReports: [unknown, ErrorInfo][] = [];
    const sub = failing({ mask: true, reports: subReports });
    const parent = createServer({
      name: 'm',
      version: '1',
      maskErrorDetails: true,
      onError: (error, info) => void parentReports.push([error, info]),
    }).mount(sub, { prefix: 'sub' });
    expect(body(await result(parent, 'tools/call', { name: 'sub_bug' }))).toEqual(
      isErrorResult('Error calling tool sub_bug'),
    );
    expect(subReports).toEqual([[bug, { method: 'tools/call', name: 'sub_bug', masked: true }]]);
    expect(parentReports).toEqual([]);
  });

  test("a mounted server that does not mask leaves the report to the parent's onError", async () => {
    const subReports: [unknown, ErrorInfo][] = [];
    const parentReports: [unknown, ErrorInfo][] = [];
    const parent = createServer({
      name: 'm',
      version: '1',
      maskErrorDetails: true,
      onError: (error, info) => void parentReports.push([error, info]),
    }).mount(failing({ reports: subReports }), { prefix: 'sub' });
    expect(await failure(parent, 'prompts/get', { name: 'sub_p' })).toEqual({
      code: -32603,
      message: 'Error getting prompt sub_p',
    });
    expect(subReports).toEqual([]);
    expect(parentReports).toEqual([[bug, { method: 'prompts/get', name: 'sub_p', masked: true }]]);
  });
});
