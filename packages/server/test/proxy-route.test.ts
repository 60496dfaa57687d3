import { createClient } from '@mcpkit/client';
import type { LoggingMessageNotificationParams } from '@mcpkit/core';
import { createProxy, createServer } from '@mcpkit/server';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

/** A backend tool that needs its client: sampling, elicitation and roots, then a log line. */
const backend = () =>
  createServer({ name: 'backend', version: '1' }).tool('interview', {}, async (_i, ctx) => {
    const sampled = await ctx.sample('Say hi', { maxTokens: 5 });
    const answer = await ctx.elicit('Name?', z.object({ name: z.string() }));
    const roots = await ctx.roots();
    await ctx.log.info('interview done');
    const name = answer.action === 'accept' ? answer.data.name : answer.action;
    return `${sampled.text} ${name} ${roots.map((r) => r.uri).join(',')}`;
  });

type Mode = 'handshake' | 'stateless';

async function frontClient(proxy: ReturnType<typeof createProxy>, mode: Mode, tag: string) {
  const logs: LoggingMessageNotificationParams[] = [];
  const asked: string[] = [];
  const client = await createClient(proxy, {
    mode,
    logLevel: 'info',
    handlers: {
      sampling: (params) => {
        asked.push(`sampling ${JSON.stringify(params.messages[0]?.content)} ${params.maxTokens}`);
        return { role: 'assistant', content: { type: 'text', text: `hi from ${tag}` }, model: 'm' };
      },
      elicitation: (params) => {
        asked.push(`elicitation ${params.message}`);
        return { action: 'accept', content: { name: tag } };
      },
      roots: [{ uri: `file:///${tag}`, name: tag }],
      log: (params) => void logs.push(params),
    },
  });
  open.push(client);
  return { client, logs, asked };
}

describe('the backend asks the proxy for input', () => {
  test.each([
    ['handshake', 'handshake'],
    ['handshake', 'stateless'],
    ['stateless', 'handshake'],
    ['stateless', 'stateless'],
  ] as const)(
    'proxy-side %s era, backend %s era: sampling, elicitation, roots and logs reach the right client',
    async (front, back) => {
      const proxy = createProxy(backend(), {
        clientOptions: { mode: back === 'handshake' ? 'handshake' : 'auto' },
      });
      open.push(proxy);
      const a = await frontClient(proxy, front, 'ada');
      const b = await frontClient(proxy, front, 'bob');
      expect(a.client.era).toBe(front);
      const [ra, rb] = await Promise.all([
        a.client.callTool('interview'),
        b.client.callTool('interview'),
      ]);
      expect(ra.content).toEqual([{ type: 'text', text: 'hi from ada ada file:///ada' }]);
      expect(rb.content).toEqual([{ type: 'text', text: 'hi from bob bob file:///bob' }]);
      expect(a.logs).toEqual([{ level: 'info', data: 'interview done' }]);
      expect(b.logs).toEqual([{ level: 'info', data: 'interview done' }]);
      // Each question reaches the client once, also when the stateless era replays the call.
      expect(a.asked).toEqual(['sampling {"type":"text","text":"Say hi"} 5', 'elicitation Name?']);
    },
  );

  const missing = {
    code: -32021,
    message: 'The client did not declare the sampling capability that sampling/createMessage needs',
    data: { requiredCapabilities: { sampling: {} } },
  };

  test.each(['handshake', 'stateless'] as const)(
    'a %s-era client without the capability gets the error the backend gives for it',
    async (mode) => {
      const proxy = createProxy(backend());
      open.push(proxy);
      const client = await createClient(proxy, { mode });
      open.push(client);
      await expect(client.callTool('interview')).rejects.toMatchObject(missing);
    },
  );

  test('forwarding can be turned off per kind', async () => {
    const proxy = createProxy(backend(), { forward: { sampling: false } });
    open.push(proxy);
    const a = await frontClient(proxy, 'handshake', 'ada');
    await expect(a.client.callTool('interview')).rejects.toMatchObject(missing);
    expect(a.asked).toEqual([]);
  });
});
