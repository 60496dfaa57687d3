import { expect, it } from 'vitest';
import { describeTransports } from '../support/describe-transports.ts';
import {
  CAPABILITIES,
  CONTRACT_TOOLS,
  SERVER_INFO,
  statelessResult,
  TOOL_NAMES,
} from '../support/expected.ts';

describeTransports('initialize / discover', (t) => {
  it('settles the era and protocol version, and learns who the server is', () => {
    const { client } = t;
    expect({
      era: client.era,
      protocolVersion: client.protocolVersion,
      serverInfo: client.serverInfo,
      instructions: client.instructions,
      capabilities: client.serverCapabilities,
    }).toEqual({
      era: t.transport.era,
      protocolVersion: t.transport.protocolVersion,
      serverInfo: SERVER_INFO,
      instructions: 'The transport contract fixture.',
      capabilities: CAPABILITIES,
    });
  });

  it('lists tools with their exact schemas', async () => {
    const tools = await t.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    expect(tools.slice(0, 3)).toEqual(CONTRACT_TOOLS);
  });

  it('lists and reads resources, lists and renders prompts', async () => {
    const { client } = t;
    expect(await client.listResources()).toEqual([
      {
        uri: 'contract://greeting',
        name: 'greeting',
        description: 'A fixed greeting',
        mimeType: 'text/plain',
      },
    ]);
    expect(await client.readResource('contract://greeting')).toEqual({
      contents: [
        {
          uri: 'contract://greeting',
          mimeType: 'text/plain',
          text: 'Hello from the contract server',
        },
      ],
      ...statelessResult(t.transport, { ttlMs: 0, cacheScope: 'private' }),
    });
    expect(await client.listPrompts()).toEqual([
      {
        name: 'review',
        description: 'Review some code',
        arguments: [{ name: 'code', required: true }],
      },
    ]);
    expect(await client.getPrompt('review', { code: 'x = 1' })).toEqual({
      description: 'Review some code',
      messages: [{ role: 'user', content: { type: 'text', text: 'Please review:\nx = 1' } }],
      ...statelessResult(t.transport),
    });
  });
});
