import { describe, expect, it } from 'vitest';
import { applyElicitationDefaults } from '../src/index.js';

const form = {
  message: 'Profile',
  requestedSchema: {
    type: 'object' as const,
    properties: {
      name: { type: 'string' as const, default: 'John Doe' },
      age: { type: 'integer' as const, default: 30 },
      score: { type: 'number' as const, default: 95.5 },
      status: {
        type: 'string' as const,
        enum: ['active', 'inactive', 'pending'],
        default: 'active',
      },
      verified: { type: 'boolean' as const, default: true },
      tags: {
        type: 'array' as const,
        items: { type: 'string' as const, enum: ['a', 'b'] },
        default: ['a'],
      },
      note: { type: 'string' as const },
    },
  },
};

describe('applyElicitationDefaults (SEP-1034)', () => {
  it('fills every default into an empty accept', () => {
    expect(applyElicitationDefaults(form, { action: 'accept' })).toEqual({
      action: 'accept',
      content: {
        name: 'John Doe',
        age: 30,
        score: 95.5,
        status: 'active',
        verified: true,
        tags: ['a'],
      },
    });
  });

  it('keeps what the user gave, including falsy values, and does not touch the handler object', () => {
    const answer = {
      action: 'accept' as const,
      content: { name: '', verified: false, note: 'hi' },
    };
    const filled = applyElicitationDefaults(form, answer);
    expect(filled).toEqual({
      action: 'accept',
      content: {
        name: '',
        verified: false,
        note: 'hi',
        age: 30,
        score: 95.5,
        status: 'active',
        tags: ['a'],
      },
    });
    expect(answer).toEqual({
      action: 'accept',
      content: { name: '', verified: false, note: 'hi' },
    });
  });

  it('leaves decline, cancel and URL mode alone', () => {
    const decline = { action: 'decline' as const };
    expect(applyElicitationDefaults(form, decline)).toBe(decline);
    const cancel = { action: 'cancel' as const };
    expect(applyElicitationDefaults(form, cancel)).toBe(cancel);
    const accept = { action: 'accept' as const };
    expect(
      applyElicitationDefaults({ mode: 'url', message: 'Pay', url: 'https://pay.example' }, accept),
    ).toBe(accept);
  });

  it('returns the same object when nothing is missing', () => {
    const schema = {
      message: 'x',
      requestedSchema: { type: 'object' as const, properties: { a: { type: 'string' as const } } },
    };
    const answer = { action: 'accept' as const, content: { a: 'b' } };
    expect(applyElicitationDefaults(schema, answer)).toBe(answer);
  });
});
