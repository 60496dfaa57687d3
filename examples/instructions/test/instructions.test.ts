import { createClient } from '@mcpkit/client';
import { expect, test } from 'vitest';
import { runExample } from '../../support/run-example.js';
import { server } from '../src/server.js';

const instructions = 'Call get_forecast with a city name. Temperatures are in Celsius.';
const fullInfo = {
  name: 'weather',
  version: '2.1.0',
  title: 'Weather Service',
  description: 'Forecasts and historical weather data',
  websiteUrl: 'https://weather.example.com',
};

test('pnpm start prints what the client sees in each era', async () => {
  const { stdout, stderr } = await runExample(import.meta.url);
  expect({ stdout, stderr }).toEqual({
    stdout: [
      'handshake era (2025-11-25):',
      `  serverInfo: ${JSON.stringify(fullInfo)}`,
      `  instructions: ${instructions}`,
      'stateless era (2026-07-28):',
      `  serverInfo: ${JSON.stringify(fullInfo)}`,
      `  instructions: ${instructions}`,
      '',
    ].join('\n'),
    stderr: '',
  });
});

test('handshake era: the full server info and the instructions', async () => {
  const client = await createClient(server, { mode: 'handshake' });
  try {
    expect({ info: client.serverInfo, instructions: client.instructions }).toEqual({
      info: fullInfo,
      instructions,
    });
  } finally {
    await client.close();
  }
});

test('stateless era: the same full server info (from server/discover) and the instructions', async () => {
  const client = await createClient(server, { mode: 'stateless' });
  try {
    expect({ info: client.serverInfo, instructions: client.instructions }).toEqual({
      info: fullInfo,
      instructions,
    });
  } finally {
    await client.close();
  }
});
