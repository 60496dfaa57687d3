import { describe, expect, test } from 'vitest';
import { INSPECTOR_PACKAGE, inspectorCommand, nodeAtLeast } from '../src/inspector.js';

describe('inspector command', () => {
  test('nodeAtLeast compares versions numerically', () => {
    expect(nodeAtLeast('22.19.0', [22, 19, 0])).toBe(true);
    expect(nodeAtLeast('v22.23.3', [22, 19, 0])).toBe(true);
    expect(nodeAtLeast('22.7.5', [22, 19, 0])).toBe(false);
    expect(nodeAtLeast('20.20.2', [22, 19, 0])).toBe(false);
    expect(nodeAtLeast('24.0.0', [22, 19, 0])).toBe(true);
  });

  test('a new enough Node runs the Inspector directly; an older one gets Node 22 from npx', () => {
    const url = 'http://127.0.0.1:8000/mcp';
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    expect(inspectorCommand(url, '22.20.0')).toEqual({
      command: npx,
      args: ['-y', INSPECTOR_PACKAGE, '--server-url', url, '--transport', 'http'],
    });
    expect(inspectorCommand(url, '20.20.2')).toEqual({
      command: npx,
      args: [
        '-y',
        '-p',
        'node@22',
        '-p',
        INSPECTOR_PACKAGE,
        'mcp-inspector',
        '--server-url',
        url,
        '--transport',
        'http',
      ],
    });
  });
});
