import { CancelledError } from '@mcpkit/core';
import { expect, it } from 'vitest';
import { describeTransports } from '../support/describe-transports.ts';
import { until } from '../support/wait.ts';

describeTransports('cancellation', (t) => {
  /** Ask the server (over the same transport) what the slow call went through. */
  const slowStatus = async (tag: string) =>
    (await t.client.callTool('slow_status', { tag })).data as string;

  const why = t.transport.cannot.cancellation;

  it(
    why === undefined
      ? "aborting a slow call rejects it, aborts the tool's ctx.signal, and the server keeps serving"
      : `aborting a slow call rejects it and the server keeps serving, but the tool is not told: ${why}`,
    async () => {
      const tag = `cancel-${t.transport.name}`;
      const controller = new AbortController();
      const call = t.client.callTool('slow', { tag }, { signal: controller.signal });
      call.catch(() => {});
      expect(await until(async () => (await slowStatus(tag)) === 'started')).toBe(true);
      controller.abort(new Error('changed my mind'));
      const error = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CancelledError);
      expect((error as CancelledError).message).toBe('changed my mind');
      if (why === undefined) {
        expect(await until(async () => (await slowStatus(tag)) === 'aborted')).toBe(true);
      } else {
        expect(await slowStatus(tag)).toBe('started');
      }
      expect(await t.client.callTool('echo', { text: 'still serving' })).toMatchObject({
        isError: false,
        data: 'still serving',
      });
    },
  );

  it('a signal aborted before the call rejects without reaching the tool', async () => {
    const tag = `pre-${t.transport.name}`;
    const error = await t.client
      .callTool('slow', { tag }, { signal: AbortSignal.abort(new Error('never mind')) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(await slowStatus(tag)).toBe('unknown');
  });
});
