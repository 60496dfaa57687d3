import { expect, it } from 'vitest';
import { ELICITED_NAME, ROOTS } from '../support/client-handlers.ts';
import { describeTransports } from '../support/describe-transports.ts';
import { toolView } from '../support/expected.ts';

const MISSING_ELICITATION = {
  code: -32021,
  message: 'The client did not declare the elicitation capability that elicitation/create needs',
  data: { requiredCapabilities: { elicitation: {} } },
};

const ASKED = { name: ELICITED_NAME, reply: 'sampled: Say hello', roots: ROOTS.map((r) => r.uri) };

describeTransports('calls both ways', (t) => {
  const why = t.transport.cannot.serverRequests;

  if (why === undefined) {
    it(`the server elicits, samples and lists roots through the client's handlers (${
      t.transport.era === 'handshake' ? 'server→client requests' : 'MRTR input requests'
    })`, async () => {
      t.events.asked.length = 0;
      expect(toolView(await t.client.callTool('ask', {}))).toEqual({
        content: [{ type: 'text', text: JSON.stringify(ASKED) }],
        structuredContent: ASKED,
        isError: false,
        data: ASKED,
      });
      // Handshake era: real requests carrying an id. 2026 wire: input requests answered by key.
      const via = t.transport.era === 'handshake' ? 'request' : 'input';
      expect(t.events.asked).toEqual([
        { kind: 'elicitation', era: t.transport.era, via },
        { kind: 'sampling', era: t.transport.era, via },
        { kind: 'roots', era: t.transport.era, via },
      ]);
    });
  } else {
    it(`cannot ask the client: ${why}`, async () => {
      t.events.asked.length = 0;
      // No initialize is remembered between POSTs, so the server sees a client that declared
      // no capabilities and answers with the protocol error for that instead of hanging.
      await expect(t.client.callTool('ask', {})).rejects.toMatchObject(MISSING_ELICITATION);
      expect(t.events.asked).toEqual([]);
    });
  }

  it('a client without handlers declares no capabilities; asking it is a protocol error', async () => {
    const { client } = await t.connect({ handlers: {} });
    expect(client.capabilities).toEqual({});
    await expect(client.callTool('ask', {})).rejects.toMatchObject(MISSING_ELICITATION);
    await client.close();
  });
});
