import { expect, it } from 'vitest';
import { describeTransports } from '../support/describe-transports.ts';

const CALLS = 32;

describeTransports('concurrency', (t) => {
  it(`${CALLS} concurrent calls each get their own exact result`, async () => {
    // `square` waits a number-dependent time, so the answers come back out of order.
    const ns = Array.from({ length: CALLS }, (_, i) => i + 1);
    const results = await Promise.all(ns.map((n) => t.client.callTool('square', { n })));
    expect(results.map((result) => result.data)).toEqual(ns.map((n) => ({ n, square: n * n })));
  });

  it('different tools interleaved at once keep their answers apart', async () => {
    const calls = Array.from({ length: CALLS }, (_, i) =>
      i % 2 === 0
        ? t.client.callTool('echo', { text: `text ${i}` })
        : t.client.callTool('add', { a: i, b: 1000 }),
    );
    const data = (await Promise.all(calls)).map((result) => result.data);
    expect(data).toEqual(
      Array.from({ length: CALLS }, (_, i) => (i % 2 === 0 ? `text ${i}` : { sum: i + 1000 })),
    );
  });
});
