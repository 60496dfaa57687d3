import { expect, it } from 'vitest';
import { describeTransports } from '../support/describe-transports.ts';
import { toolView } from '../support/expected.ts';

describeTransports('tool calls', (t) => {
  it('a text result', async () => {
    expect(toolView(await t.client.callTool('echo', { text: 'héllo, wörld ✓' }))).toEqual({
      content: [{ type: 'text', text: 'héllo, wörld ✓' }],
      isError: false,
      data: 'héllo, wörld ✓',
    });
  });

  it('a structured result, with its JSON text', async () => {
    expect(toolView(await t.client.callTool('add', { a: 2.5, b: -7 }))).toEqual({
      content: [{ type: 'text', text: '{"sum":-4.5}' }],
      structuredContent: { sum: -4.5 },
      isError: false,
      data: { sum: -4.5 },
    });
  });

  it('an error result from the tool, and one for invalid arguments', async () => {
    expect(toolView(await t.client.callTool('fail', {}))).toEqual({
      content: [{ type: 'text', text: 'the tool failed on purpose' }],
      isError: true,
    });
    expect(toolView(await t.client.callTool('add', { a: 1 }))).toEqual({
      content: [
        {
          type: 'text',
          text: 'Invalid arguments for tool add: Invalid input: b: expected number, received undefined',
        },
      ],
      isError: true,
    });
  });

  it('an unknown tool is a protocol error', async () => {
    await expect(t.client.callTool('nope', {})).rejects.toMatchObject({
      code: -32602,
      message: 'Unknown tool: nope',
    });
  });
});
