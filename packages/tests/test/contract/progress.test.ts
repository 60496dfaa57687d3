import type { Progress } from '@mcpkit/core';
import { expect, it } from 'vitest';
import { describeTransports } from '../support/describe-transports.ts';

const COUNT = 8;
const steps = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    progress: i + 1,
    total: count,
    message: `step ${i + 1}`,
  }));
const EXPECTED = steps(COUNT);

/** Is `seen` the sequence `all` with some entries left out (order kept)? */
const isSubsequence = <T>(seen: T[], all: T[]): boolean => {
  let i = 0;
  for (const item of all)
    if (i < seen.length && JSON.stringify(seen[i]) === JSON.stringify(item)) i++;
  return i === seen.length;
};

describeTransports('progress', (t) => {
  const late = t.transport.cannot.progressBeforeResult;

  it(
    late === undefined
      ? 'every update arrives, in order, with exact values'
      : `updates that arrive are exact and in order, but may be lost: ${late}`,
    async () => {
      const seen: Progress[] = [];
      const result = await t.client.callTool(
        'steps',
        { count: COUNT },
        { onProgress: (progress) => seen.push(progress) },
      );
      expect(result).toMatchObject({ isError: false, data: COUNT });
      if (late === undefined) {
        expect(seen).toEqual(EXPECTED);
      } else {
        expect(isSubsequence(seen, EXPECTED)).toBe(true);
      }
    },
  );

  it(
    late === undefined
      ? 'two calls at once each get exactly their own updates'
      : `two calls at once never get each other's updates (some may be lost: see above)`,
    async () => {
      const a: Progress[] = [];
      const b: Progress[] = [];
      await Promise.all([
        t.client.callTool('steps', { count: 3 }, { onProgress: (p) => a.push(p) }),
        t.client.callTool('steps', { count: 5 }, { onProgress: (p) => b.push(p) }),
      ]);
      if (late === undefined) {
        expect([a, b]).toEqual([steps(3), steps(5)]);
      } else {
        expect([isSubsequence(a, steps(3)), isSubsequence(b, steps(5))]).toEqual([true, true]);
      }
    },
  );
});
