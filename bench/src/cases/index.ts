import type { BenchCase } from '../case.js';

/** Every row, in table order. */
export const CASE_IDS = [
  'mcpkit-engine',
  'mcpkit-full',
  'mcpkit-full-stateless',
  'sdk-v1',
  'sdk-v2',
] as const;
export type CaseId = (typeof CASE_IDS)[number];

// Loaded lazily: each case runs in its own process and imports only its own stack,
// so one contender's modules (or a broken import) cannot touch another's numbers.
const loaders: Record<CaseId, () => Promise<BenchCase>> = {
  'mcpkit-engine': async () => (await import('./mcpkit-engine.js')).mcpkitEngine,
  'mcpkit-full': async () => (await import('./mcpkit-full.js')).mcpkitFull,
  'mcpkit-full-stateless': async () => (await import('./mcpkit-full.js')).mcpkitFullStateless,
  'sdk-v1': async () => (await import('./sdk-v1.js')).sdkV1,
  'sdk-v2': async () => (await import('./sdk-v2.js')).sdkV2,
};

export const isCaseId = (id: string): id is CaseId => (CASE_IDS as readonly string[]).includes(id);

export const loadCase = (id: CaseId): Promise<BenchCase> => loaders[id]();
