import {
  HANDSHAKE_PROTOCOL_VERSIONS,
  isStatelessVersion,
  negotiateProtocolVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
  versionFeatures,
} from '@mcpkit/core';
import { describe, expect, test } from 'vitest';

describe('negotiateProtocolVersion', () => {
  test.each([
    ['2025-11-25', '2025-11-25'],
    ['2025-06-18', '2025-06-18'],
    ['2025-03-26', '2025-03-26'],
    ['2024-11-05', '2024-11-05'],
    // Unknown, future, stateless or malformed requests get our newest handshake version.
    ['2024-01-01', '2025-11-25'],
    ['2099-01-01', '2025-11-25'],
    ['2026-07-28', '2025-11-25'],
    ['not-a-version', '2025-11-25'],
    [undefined, '2025-11-25'],
    [42, '2025-11-25'],
  ])('client offers %s → server answers %s', (offered, answered) => {
    expect(negotiateProtocolVersion(offered)).toBe(answered);
  });

  test('a server restricted to older versions answers its newest', () => {
    expect(negotiateProtocolVersion('2025-11-25', ['2025-06-18', '2024-11-05'])).toBe('2025-06-18');
    expect(negotiateProtocolVersion('2024-11-05', ['2025-06-18', '2024-11-05'])).toBe('2024-11-05');
  });

  test('a server with no handshake version cannot negotiate', () => {
    expect(() => negotiateProtocolVersion('2025-11-25', ['2026-07-28'])).toThrow(
      'No handshake-era protocol version is supported',
    );
  });
});

describe('eras', () => {
  test('version lists', () => {
    expect(HANDSHAKE_PROTOCOL_VERSIONS).toEqual([
      '2025-11-25',
      '2025-06-18',
      '2025-03-26',
      '2024-11-05',
    ]);
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual([
      '2026-07-28',
      '2025-11-25',
      '2025-06-18',
      '2025-03-26',
      '2024-11-05',
    ]);
  });

  test.each([
    ['2026-07-28', true],
    ['2027-01-01', true],
    ['2025-11-25', false],
    ['2024-11-05', false],
    ['v999.0.0', false],
    ['', false],
  ])('isStatelessVersion(%s) = %s', (version, expected) => {
    expect(isStatelessVersion(version)).toBe(expected);
  });

  test('feature gates per version', () => {
    expect(versionFeatures('2024-11-05')).toEqual({
      batches: false,
      protocolHeader: false,
      structuredOutput: false,
      icons: false,
      stateless: false,
    });
    expect(versionFeatures('2025-03-26')).toEqual({
      batches: true,
      protocolHeader: false,
      structuredOutput: false,
      icons: false,
      stateless: false,
    });
    expect(versionFeatures('2025-06-18')).toEqual({
      batches: false,
      protocolHeader: true,
      structuredOutput: true,
      icons: false,
      stateless: false,
    });
    expect(versionFeatures('2025-11-25')).toEqual({
      batches: false,
      protocolHeader: true,
      structuredOutput: true,
      icons: true,
      stateless: false,
    });
    expect(versionFeatures('2026-07-28')).toEqual({
      batches: false,
      protocolHeader: true,
      structuredOutput: true,
      icons: true,
      stateless: true,
    });
  });
});
