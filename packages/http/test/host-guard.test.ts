import { afterEach, describe, expect, it } from 'vitest';
import { createHostGuard, hostName } from '../src/host-guard.js';
import { createHttpHandler, type HttpHandler } from '../src/web-handler.js';
import { createFakeServer } from './helpers/fake-server.js';
import { post, rpc } from './helpers/requests.js';

describe('hostName', () => {
  it('strips ports and keeps IPv6 brackets', () => {
    expect(
      ['LocalHost:3000', '127.0.0.1', '[::1]:8080', '[::1]', 'example.com:1'].map(hostName),
    ).toEqual(['localhost', '127.0.0.1', '[::1]', '[::1]', 'example.com']);
  });
});

describe('createHostGuard', () => {
  it('allows loopback hosts and origins with any port by default', () => {
    const guard = createHostGuard();
    for (const host of ['localhost:3000', '127.0.0.1:1', '[::1]:9', 'localhost']) {
      expect(guard(host, undefined)).toBe(undefined);
    }
    expect(guard('127.0.0.1:3000', 'http://localhost:5173')).toBe(undefined);
    expect(guard('127.0.0.1:3000', 'https://[::1]:4000')).toBe(undefined);
  });

  it('refuses foreign or missing hosts and foreign origins', () => {
    const guard = createHostGuard();
    expect(guard('evil.example.com', undefined)).toBe(
      'Forbidden: host "evil.example.com" is not allowed',
    );
    expect(guard(undefined, undefined)).toBe('Forbidden: host "" is not allowed');
    expect(guard('localhost:3000', 'http://evil.example.com')).toBe(
      'Forbidden: origin "http://evil.example.com" is not allowed',
    );
    expect(guard('localhost:3000', 'null')).toBe('Forbidden: origin "null" is not allowed');
    expect(guard('localhost.evil.com', undefined)).not.toBe(undefined);
  });

  it('takes extra hosts (any port or exact) and origins', () => {
    const guard = createHostGuard({
      allowedHosts: ['mcp.example.com', 'api.example.com:8443'],
      allowedOrigins: ['https://app.example.com/'],
    });
    expect(guard('mcp.example.com:1234', 'https://app.example.com')).toBe(undefined);
    expect(guard('api.example.com:8443', undefined)).toBe(undefined);
    expect(guard('api.example.com:8444', undefined)).not.toBe(undefined);
    expect(guard('mcp.example.com', 'https://other.example.com')).not.toBe(undefined);
    const open = createHostGuard({ allowedHosts: ['*'], allowedOrigins: ['*'] });
    expect(open('anything', 'https://anywhere')).toBe(undefined);
  });

  it('admits origins a CORS policy admits', () => {
    const guard = createHostGuard({ corsAllows: (o) => o === 'https://ui.example' });
    expect(guard('localhost', 'https://ui.example')).toBe(undefined);
  });
});

describe('DNS-rebinding protection over HTTP (conformance dns-rebinding-protection)', () => {
  let handler: HttpHandler;
  afterEach(async () => {
    await handler.close();
  });
  const init = rpc(1, 'initialize', { protocolVersion: '2025-11-25' });

  it('403s a foreign Host/Origin with a JSON-RPC -32000 body; 2xx for its own host', async () => {
    handler = createHttpHandler(createFakeServer());
    const evil = await handler(
      post(init, { host: 'evil.example.com', origin: 'http://evil.example.com' }),
    );
    expect(evil.status).toBe(403);
    expect(await evil.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Forbidden: host "evil.example.com" is not allowed' },
    });
    const own = await handler(
      post(init, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }),
    );
    expect(own.status).toBe(200);
    const evilOrigin = await handler(
      post(init, { host: 'localhost:3000', origin: 'http://evil.example.com' }),
    );
    expect(evilOrigin.status).toBe(403);
  });

  it('can be turned off', async () => {
    handler = createHttpHandler(createFakeServer(), { dnsRebindingProtection: false });
    const res = await handler(
      post(init, { host: 'evil.example.com', origin: 'http://evil.example.com' }),
    );
    expect(res.status).toBe(200);
  });
});
