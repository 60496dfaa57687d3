// A stand-in for a real weather API, so the example needs no network: 127.0.0.1, a free port.
import { createServer } from 'node:http';

const forecasts: Record<string, { temperature: number; conditions: string }> = {
  paris: { temperature: 18, conditions: 'cloudy' },
  tokyo: { temperature: 24, conditions: 'sunny' },
};

/** Start the API; resolves to its base URL and a close function. */
export async function startWeatherApi(): Promise<{ url: string; close(): Promise<void> }> {
  const api = createServer((req, res) => {
    const city = new URL(req.url ?? '/', 'http://localhost').searchParams.get('city') ?? '';
    const forecast = forecasts[city.toLowerCase()];
    res.writeHead(forecast ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(forecast ?? { error: `unknown city ${city}` }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const { port } = api.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => api.close(() => resolve())),
  };
}
