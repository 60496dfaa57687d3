import { LOGGING_LEVELS, META_KEYS, METHODS, REMOVED_IN_STATELESS } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';

describe('spec constants', () => {
  it('orders logging levels from least to most severe (RFC 5424)', () => {
    expect(LOGGING_LEVELS).toEqual([
      'debug',
      'info',
      'notice',
      'warning',
      'error',
      'critical',
      'alert',
      'emergency',
    ]);
  });

  it('lists exactly the methods removed from the 2026-07-28 wire', () => {
    expect([...REMOVED_IN_STATELESS].sort()).toEqual(
      [
        'initialize',
        'logging/setLevel',
        'notifications/initialized',
        'notifications/roots/list_changed',
        'ping',
        'resources/subscribe',
        'resources/unsubscribe',
      ].sort(),
    );
  });

  it('spells the reserved _meta keys exactly', () => {
    expect(META_KEYS).toEqual({
      protocolVersion: 'io.modelcontextprotocol/protocolVersion',
      clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
      clientInfo: 'io.modelcontextprotocol/clientInfo',
      logLevel: 'io.modelcontextprotocol/logLevel',
      serverInfo: 'io.modelcontextprotocol/serverInfo',
      subscriptionId: 'io.modelcontextprotocol/subscriptionId',
      relatedTask: 'io.modelcontextprotocol/related-task',
    });
  });

  it('has one distinct entry per method name', () => {
    const names = Object.values(METHODS);
    expect(new Set(names).size).toBe(names.length);
    expect(METHODS.serverDiscover).toBe('server/discover');
    expect(METHODS.subscriptionsAcknowledged).toBe('notifications/subscriptions/acknowledged');
    for (const removed of REMOVED_IN_STATELESS) expect(names).toContain(removed);
  });
});
