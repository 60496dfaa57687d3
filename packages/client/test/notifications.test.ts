import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from '../src/index.js';
import { startHandshakeServer } from './fakes/handshake-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

describe('inbound notifications reach the handlers', () => {
  it('routes each kind, and reports a throwing handler through onError', async () => {
    const seen: unknown[] = [];
    const errors: string[] = [];
    const server = startHandshakeServer();
    open.push(server);
    const client = await connectClient(server.transport, {
      handlers: {
        log: (p) => seen.push(['log', p]),
        listChanged: (kind) => {
          seen.push(['listChanged', kind]);
          if (kind === 'prompts') throw new Error('handler bug');
        },
        resourceUpdated: (uri) => seen.push(['updated', uri]),
        elicitationComplete: (id) => seen.push(['elicitationComplete', id]),
        notification: (method, params) => seen.push(['other', method, params]),
      },
      onError: (e) => errors.push(e.message),
    });
    open.push(client);
    const s = server.session;
    await s.notify('notifications/message', { level: 'error', logger: 'db', data: { code: 1 } });
    await s.notify('notifications/tools/list_changed');
    await s.notify('notifications/prompts/list_changed');
    await s.notify('notifications/resources/list_changed');
    await s.notify('notifications/resources/updated', { uri: 'config://app' });
    await s.notify('notifications/elicitation/complete', { elicitationId: 'e1' });
    await s.notify('notifications/custom', { a: 1 });
    await client.ping(); // a round trip: everything sent before it has arrived
    expect(seen).toEqual([
      ['log', { level: 'error', logger: 'db', data: { code: 1 } }],
      ['listChanged', 'tools'],
      ['listChanged', 'prompts'],
      ['listChanged', 'resources'],
      ['updated', 'config://app'],
      ['elicitationComplete', 'e1'],
      ['other', 'notifications/custom', { a: 1 }],
    ]);
    expect(errors).toEqual(['handler bug']);
  });
});
