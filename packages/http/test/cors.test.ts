import { afterEach, describe, expect, it } from 'vitest';
import { createCors } from '../src/cors.js';
import { createHttpHandler, type HttpHandler } from '../src/web-handler.js';
import { createFakeServer } from './helpers/fake-server.js';
import { post, request, rpc } from './helpers/requests.js';

const EXPOSE = 'Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate';
const ALLOW_HEADERS =
  'content-type, accept, authorization, mcp-session-id, mcp-protocol-version, mcp-method, mcp-name, last-event-id';

describe('createCors', () => {
  it('answers preflights for allowed origins, echoing requested Mcp-Param-* headers', () => {
    const cors = createCors({ origin: ['https://app.example'] });
    expect(
      cors.preflight('https://app.example', 'Content-Type, Mcp-Param-Region, X-Other'),
    ).toEqual({
      'access-control-allow-origin': 'https://app.example',
      'access-control-expose-headers': EXPOSE,
      vary: 'Origin',
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': `${ALLOW_HEADERS}, mcp-param-region`,
      'access-control-max-age': '600',
    });
    expect(cors.preflight('https://other.example', undefined)).toBe(undefined);
    expect(cors.headers(undefined)).toBe(undefined);
  });

  it('uses a literal * only without credentials', () => {
    expect(createCors({ origin: '*' }).headers('https://x.example')).toEqual({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': EXPOSE,
    });
    expect(createCors({ origin: '*', credentials: true }).headers('https://x.example')).toEqual({
      'access-control-allow-origin': 'https://x.example',
      'access-control-expose-headers': EXPOSE,
      vary: 'Origin',
      'access-control-allow-credentials': 'true',
    });
    expect(createCors({ origin: (o) => o.endsWith('.test') }).allows('https://a.test')).toBe(true);
  });
});

describe('CORS over HTTP', () => {
  let handler: HttpHandler;
  afterEach(async () => {
    await handler.close();
  });

  it('is off by default', async () => {
    handler = createHttpHandler(createFakeServer());
    const res = await handler(
      post(rpc(1, 'initialize', { protocolVersion: '2025-11-25' }), {
        origin: 'http://localhost:5173',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(null);
    const preflight = await handler(request('OPTIONS', { origin: 'http://localhost:5173' }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(null);
  });

  it('when on: preflight, exposed session id on responses, and the origin passes the guard', async () => {
    handler = createHttpHandler(createFakeServer(), { cors: { origin: 'https://app.example' } });
    const preflight = await handler(
      request('OPTIONS', {
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'mcp-method, mcp-param-x',
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      `${ALLOW_HEADERS}, mcp-param-x`,
    );
    const res = await handler(
      post(rpc(1, 'initialize', { protocolVersion: '2025-11-25' }), {
        origin: 'https://app.example',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(res.headers.get('access-control-expose-headers')).toBe(EXPOSE);
    expect(res.headers.get('mcp-session-id')).not.toBe(null);
    const refused = await handler(
      post(rpc(1, 'initialize', { protocolVersion: '2025-11-25' }), {
        origin: 'https://evil.example',
      }),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBe(null);
  });
});
