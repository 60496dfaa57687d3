import { describe, expect, it } from 'vitest';
import {
  acceptQuality,
  acceptsEventStream,
  acceptsJson,
  isJsonContentType,
  prefersEventStream,
} from '../src/media-type.js';

describe('media types', () => {
  it('reads Accept with wildcards and q-values', () => {
    expect(acceptQuality('application/json, text/event-stream', 'application/json')).toBe(1);
    expect(acceptQuality('text/*;q=0.4', 'text/event-stream')).toBe(0.4);
    expect(acceptQuality('*/*;q=0.1, text/event-stream;q=0', 'text/event-stream')).toBe(0);
    expect(acceptQuality(undefined, 'application/json')).toBe(1);
    expect(acceptsJson('text/event-stream')).toBe(false);
    expect(acceptsEventStream('application/json, text/event-stream')).toBe(true);
    expect(acceptsJson('*/*')).toBe(true);
  });

  it('prefers an event stream when ranked higher, or listed first at equal rank', () => {
    expect(prefersEventStream('application/json, text/event-stream')).toBe(false);
    expect(prefersEventStream('text/event-stream, application/json;q=0.9')).toBe(true);
    expect(prefersEventStream('text/event-stream;q=0.5, application/json')).toBe(false);
    expect(prefersEventStream('text/event-stream, application/json')).toBe(true);
    expect(prefersEventStream('*/*')).toBe(false);
    expect(prefersEventStream(undefined)).toBe(false);
  });

  it('answers the same for a repeated header, past the number of values it remembers', () => {
    const view = (accept: string) => [
      acceptsJson(accept),
      acceptsEventStream(accept),
      prefersEventStream(accept),
    ];
    const headers = Array.from({ length: 80 }, (_, i) =>
      i % 2
        ? `text/event-stream, application/json;q=0.${(i % 9) + 1}`
        : `application/json;q=0.${(i % 9) + 1}`,
    );
    const first = headers.map(view);
    expect(first[0]).toEqual([true, false, false]);
    expect(first[1]).toEqual([true, true, true]);
    expect(headers.map(view)).toEqual(first);
    expect(view('text/event-stream')).toEqual([false, true, true]);
  });

  it('recognises JSON content types with parameters', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
});
