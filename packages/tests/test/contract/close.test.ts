import { ConnectionClosedError } from '@mcpkit/core';
import { expect, it } from 'vitest';
import { describeTransports } from '../support/describe-transports.ts';
import { until } from '../support/wait.ts';

describeTransports('close', (t) => {
  const sessionless = t.transport.cannot.sessionEnd;

  it(
    sessionless === undefined
      ? 'closing rejects pending calls with ConnectionClosedError and ends the server side'
      : `closing rejects pending calls with ConnectionClosedError and aborts their handlers (${sessionless})`,
    async () => {
      const { client, serverSide } = await t.connect();
      const tag = `close-${t.transport.name}`;
      const started = async () =>
        (await client.callTool('slow_status', { tag })).data === 'started';
      const pending = client.callTool('slow', { tag });
      pending.catch(() => {});
      expect(await until(started)).toBe(true);

      await client.close();
      await expect(pending).rejects.toBeInstanceOf(ConnectionClosedError);
      expect(client.closed).toBe(true);
      await expect(client.callTool('echo', { text: 'late' })).rejects.toBeInstanceOf(
        ConnectionClosedError,
      );

      // In-process servers show the handler's ctx.signal aborted; the child process is gone.
      const slowStatus = t.host.slowStatus;
      if (slowStatus) expect(await until(() => slowStatus(tag) === 'aborted')).toBe(true);
      expect(await serverSide()).toBe(
        sessionless === undefined ? 'gone' : 'nothing to check: no session',
      );
    },
  );
});
