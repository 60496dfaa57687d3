import { createClient } from '@mcpkit/client';
import { startWeatherApi } from './api.js';
import { weatherServer } from './server.js';

const api = await startWeatherApi();
const server = weatherServer(api.url);
const client = await createClient<typeof server>(server);

// `client.tools.*` resolves to the typed output (and throws on a tool error).
const paris = await client.tools.get_weather({ city: 'Paris' });
console.log(`Paris: ${paris.temperature} °C, ${paris.conditions}`);

const nowhere = await client.callTool('get_weather', { city: 'Atlantis' });
const [block] = nowhere.content;
console.log(`Atlantis: isError=${nowhere.isError} ${block?.type === 'text' ? block.text : ''}`);

await client.close();
await api.close();
