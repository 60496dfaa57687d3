import type { ListenNotification } from '@mcpkit/client';
import { expect, it } from 'vitest';
import { describeTransports } from '../support/describe-transports.ts';
import { TOOL_NAMES } from '../support/expected.ts';
import { until } from '../support/wait.ts';

describeTransports('notifications', (t) => {
  const fixedLevel = t.transport.cannot.persistentLogLevel;
  const unrelated = t.transport.cannot.unrelatedNotifications;

  it(
    fixedLevel === undefined
      ? 'logs at or above the level the client asked for (info), in order'
      : `logs every level: ${fixedLevel}`,
    async () => {
      const logger = `log-${t.transport.name}`;
      expect(await t.client.callTool('log', { logger })).toMatchObject({ data: 'logged' });
      const mine = () => t.events.logs.filter((log) => log.logger === logger);
      const expected = [
        ...(fixedLevel === undefined ? [] : [{ level: 'debug', logger, data: 'debug line' }]),
        { level: 'info', logger, data: 'info line' },
        { level: 'warning', logger, data: { code: 7 } },
      ];
      // JSON-response mode sends them on the GET stream, which may trail the result.
      expect(await until(() => mine().length >= expected.length)).toBe(true);
      expect(mine()).toEqual(expected);
    },
  );

  it(
    unrelated === undefined
      ? 'tools/list_changed after a tool is added at runtime'
      : `a tool added at runtime is listed, but no list_changed can arrive: ${unrelated}`,
    async () => {
      const seen: ListenNotification[] = [];
      await using handle = await t.client.listen({ toolsListChanged: true }, (n) => seen.push(n));
      expect(handle.acknowledged).toEqual({ toolsListChanged: true });
      const name = `runtime_${t.transport.name.replace(/-/g, '_')}`;
      expect(await t.client.callTool('add_tool', { name })).toMatchObject({ data: 'added' });
      if (unrelated === undefined) {
        expect(await until(() => seen.length > 0)).toBe(true);
        expect(seen.map((n) => n.method)).toEqual(['notifications/tools/list_changed']);
      }
      expect((await t.client.listTools()).map((tool) => tool.name)).toEqual([...TOOL_NAMES, name]);
      expect(await t.client.callTool(name, {})).toMatchObject({ data: `I am ${name}` });
    },
  );

  it(
    unrelated === undefined
      ? 'resources/updated for a subscribed URI only'
      : `resources/updated cannot arrive: ${unrelated}`,
    async () => {
      const seen: ListenNotification[] = [];
      const uri = 'contract://greeting';
      await using handle = await t.client.listen({ resourceSubscriptions: [uri] }, (n) =>
        seen.push(n),
      );
      expect(handle.acknowledged).toEqual({ resourceSubscriptions: [uri] });
      // The unsubscribed URI is touched first: on one ordered stream it would arrive first.
      await t.client.callTool('touch', { uri: 'contract://elsewhere' });
      expect(await t.client.callTool('touch', { uri })).toMatchObject({ data: 'touched' });
      if (unrelated === undefined) {
        expect(await until(() => seen.length > 0)).toBe(true);
        // The 2026 wire tags each event with its stream's subscription id (the listen request id).
        const meta =
          t.transport.era === 'stateless'
            ? { _meta: { 'io.modelcontextprotocol/subscriptionId': expect.anything() } }
            : {};
        expect(seen).toEqual([
          { method: 'notifications/resources/updated', params: { uri, ...meta } },
        ]);
      }
    },
  );
});
