import { createServer } from '@mcpkit/server';
import { z } from 'zod';

const datasets = ['sales-2024', 'sales-2025', 'support-tickets'];

export const server = createServer({ name: 'analyst', version: '1.0.0' }).prompt(
  'analyze_data',
  {
    description: 'Ask for an analysis of a list of numbers',
    args: z.object({
      dataset: z.string().describe('Which dataset the numbers come from'),
      // Not strings: the client sends them as JSON text, the server parses them before validation.
      numbers: z.array(z.number()).describe('The values to analyse'),
      threshold: z.number().optional().describe('Flag values above this'),
      // An enum completes by itself.
      method: z.enum(['mean', 'median', 'sum']).default('mean'),
    }),
    complete: {
      dataset: (value) => datasets.filter((name) => name.startsWith(value)),
    },
  },
  ({ dataset, numbers, threshold, method }) => {
    const flagged = threshold === undefined ? '' : ` Flag every value above ${threshold}.`;
    return `Compute the ${method} of ${dataset}: ${numbers.join(', ')}.${flagged}`;
  },
);
