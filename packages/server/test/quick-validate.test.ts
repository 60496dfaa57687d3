import { validate } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isThenable, quickValidate } from '../src/quick-validate.js';

const schema = z.object({ name: z.string(), n: z.number().default(1) });

describe('quickValidate', () => {
  it('answers synchronously for a synchronous schema', () => {
    expect(quickValidate(schema, { name: 'a' })).toEqual({ ok: true, value: { name: 'a', n: 1 } });
  });

  it('reports failures exactly as core validate does', async () => {
    const result = quickValidate(schema, { name: 3 });
    expect(isThenable(result)).toBe(false);
    expect(result).toEqual(await validate(schema, { name: 3 }));
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'name', message: 'Invalid input: expected string, received number' }],
      message: 'Invalid input: name: expected string, received number',
    });
  });

  it('checks a raw JSON Schema synchronously', () => {
    const raw = { type: 'object', required: ['x'] };
    expect(quickValidate(raw, { x: 1 })).toEqual({ ok: true, value: { x: 1 } });
    expect(quickValidate(raw, {})).toEqual({
      ok: false,
      issues: [{ path: 'x', message: 'required property is missing' }],
      message: 'Invalid input: x: required property is missing',
    });
  });

  it('awaits an asynchronous schema, running it once per call', async () => {
    let runs = 0;
    const slow = {
      '~standard': {
        version: 1 as const,
        vendor: 'test',
        validate: async (value: unknown) => {
          runs++;
          return typeof value === 'string' && value.length > 1
            ? { value }
            : { issues: [{ message: 'too short' }] };
        },
      },
    };
    const pending = quickValidate(slow, 'a');
    expect(isThenable(pending)).toBe(true);
    expect(await pending).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: 'too short' }],
      message: 'Invalid input: (root): too short',
    });
    expect(await quickValidate(slow, 'ab')).toEqual({ ok: true, value: 'ab' });
    expect(runs).toBe(2);
  });
});
