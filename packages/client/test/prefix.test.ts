import { describe, expect, it } from 'vitest';
import { Prefixer } from '../src/prefix.js';

describe('Prefixer', () => {
  const p = new Prefixer(['weather', 'a', 'a_b'], '_');

  it('prefixes names and URIs after the scheme', () => {
    expect(p.name('weather', 'forecast')).toBe('weather_forecast');
    expect(p.uri('weather', 'file:///tmp/x')).toBe('file://weather//tmp/x');
    expect(p.uri('weather', 'config://app/theme')).toBe('config://weather/app/theme');
    expect(p.uri('weather', 'urn:isbn:1')).toBe('urn:isbn:1');
  });

  it('splits back, longest server name first', () => {
    expect(p.splitName('weather_forecast')).toEqual(['weather', 'forecast']);
    expect(p.splitName('a_b_tool')).toEqual(['a_b', 'tool']);
    expect(p.splitName('a_tool')).toEqual(['a', 'tool']);
    expect(p.splitName('other_tool')).toBeUndefined();
    expect(p.splitUri('file://weather//tmp/x')).toEqual(['weather', 'file:///tmp/x']);
    expect(p.splitUri('config://a_b/x')).toEqual(['a_b', 'config://x']);
    expect(p.splitUri('config://nobody/x')).toBeUndefined();
  });

  it('leaves a single server unprefixed', () => {
    const one = new Prefixer(['only'], '.');
    expect([one.active, one.name('only', 't'), one.uri('only', 'a://b')]).toEqual([
      false,
      't',
      'a://b',
    ]);
    expect(one.splitName('t')).toEqual(['only', 't']);
    expect(one.splitUri('a://b')).toEqual(['only', 'a://b']);
  });
});
