import type { ServerProgram } from './build.js';
import type { ServerTransport } from './servers/workload.js';

/** One server × transport pair of the load matrix. */
export interface Cell {
  id: string;
  server: ServerProgram;
  transport: ServerTransport;
  /** the transport column this cell belongs to (the floor's HTTP cell stands for every HTTP row) */
  column: Column;
  /** measure the cold start only (a reference row) */
  coldOnly?: boolean;
}

export type Column = 'stdio' | 'http-stateful' | 'http-stateless' | 'http-2026';
export const COLUMNS: readonly Column[] = ['stdio', 'http-stateful', 'http-stateless', 'http-2026'];

export const SERVER_LABELS: Record<ServerProgram, string> = {
  mcpkit: 'mcpkit',
  'sdk-v1': 'SDK v1',
  'sdk-v2': 'SDK v2',
  floor: 'bare Node',
  'floor-zod': 'bare Node + zod',
};

export const COLUMN_LABELS: Record<Column, string> = {
  stdio: 'stdio',
  'http-stateful': 'HTTP, sessions',
  'http-stateless': 'HTTP, stateless (2025 wire)',
  'http-2026': 'HTTP, 2026-07-28 wire',
};

const cell = (server: ServerProgram, transport: ServerTransport): Cell => ({
  id: `${server}:${transport}`,
  server,
  transport,
  column: transport,
});

/** Every cell, in table order. SDK v1 has no 2026-07-28 wire; the floor has one HTTP cell. */
export const CELLS: readonly Cell[] = [
  cell('mcpkit', 'stdio'),
  cell('sdk-v1', 'stdio'),
  cell('sdk-v2', 'stdio'),
  cell('floor', 'stdio'),
  // The floor that also imports zod, as every framework server here does: cold start only.
  { ...cell('floor-zod', 'stdio'), coldOnly: true },
  cell('mcpkit', 'http-stateful'),
  cell('sdk-v1', 'http-stateful'),
  cell('sdk-v2', 'http-stateful'),
  cell('mcpkit', 'http-stateless'),
  cell('sdk-v1', 'http-stateless'),
  cell('sdk-v2', 'http-stateless'),
  cell('mcpkit', 'http-2026'),
  cell('sdk-v2', 'http-2026'),
  // A bare node:http JSON server: no sessions, no headers checked; the floor of every HTTP row.
  { id: 'floor:http', server: 'floor', transport: 'http-stateless', column: 'http-stateless' },
];

export const findCell = (id: string): Cell | undefined => CELLS.find((c) => c.id === id);
