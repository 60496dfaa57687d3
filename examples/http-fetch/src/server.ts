import { createServer, ToolError } from '@mcpkit/server';
import { z } from 'zod';

/** An MCP server whose tool fetches from the weather API at `apiUrl`. */
export function weatherServer(apiUrl: string) {
  return createServer({ name: 'weather', version: '1.0.0' }).tool(
    'get_weather',
    {
      description: 'Current weather for a city',
      input: z.object({ city: z.string().describe('City name') }),
      output: z.object({ temperature: z.number(), conditions: z.string() }),
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ city }, ctx) => {
      // ctx.signal aborts the fetch when the client cancels the call.
      const url = `${apiUrl}/weather?city=${encodeURIComponent(city)}`;
      const response = await fetch(url, { signal: ctx.signal });
      if (!response.ok) throw new ToolError(`No forecast for ${city} (HTTP ${response.status})`);
      return (await response.json()) as { temperature: number; conditions: string };
    },
  );
}
