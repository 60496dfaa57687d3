import { createClient } from '@mcpkit/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { startWeatherApi } from '../src/api.js';
import { weatherServer } from '../src/server.js';

test('pnpm start fetches from its own local API', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect({ stdout, stderr }).toEqual({
    stdout: 'Paris: 18 °C, cloudy\nAtlantis: isError=true No forecast for Atlantis (HTTP 404)\n',
    stderr: '',
  });
});

let api: Awaited<ReturnType<typeof startWeatherApi>>;
beforeAll(async () => {
  api = await startWeatherApi();
});
afterAll(() => api.close());

test.each(['handshake', 'stateless'] as const)(
  '%s era: structured result from the API',
  async (mode) => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const server = weatherServer(api.url);
    const client = await createClient<typeof server>(server, { mode });
    try {
      const tokyo = await client.callTool('get_weather', { city: 'tokyo' }, { throwOnError: true });
      expect(tokyo.structuredContent).toEqual({ temperature: 24, conditions: 'sunny' });
      expect(tokyo.content).toEqual([
        { type: 'text', text: '{"temperature":24,"conditions":"sunny"}' },
      ]);
    } finally {
      await client.close();
    }
  },
);
