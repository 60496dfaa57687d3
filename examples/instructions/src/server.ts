import { createServer } from '@mcpkit/server';

export const server = createServer({
  name: 'weather',
  version: '2.1.0',
  title: 'Weather Service',
  description: 'Forecasts and historical weather data',
  websiteUrl: 'https://weather.example.com',
  // Read by the client's model before it picks a tool.
  instructions: 'Call get_forecast with a city name. Temperatures are in Celsius.',
}).tool('get_forecast', { description: 'Forecast for a city' }, () => 'sunny');
