import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import * as node from '../src/node.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '../src');

/** Static imports reachable from a module (relative ones followed). */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(src, file), 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = match[1] as string;
    if (spec.startsWith('./')) staticGraph(spec.slice(2).replace(/\.js$/, '.ts'), seen);
    else seen.add(`pkg:${spec}`);
  }
  return seen;
}

describe('public faces', () => {
  it('root exports', () => {
    expect(Object.keys(root).sort()).toEqual([
      'HttpError',
      'createHostGuard',
      'createHttpHandler',
      'createMemoryEventStore',
      'httpClientTransport',
    ]);
  });

  it('node subpath exports', () => {
    expect(Object.keys(node).sort()).toEqual(['serveHttp', 'toNodeHandler']);
  });

  it('the root module graph imports no node:* module and loads undici only lazily', () => {
    const graph = [...staticGraph('index.ts')];
    const packages = graph.filter((f) => f.startsWith('pkg:')).sort();
    expect(packages).toEqual(['pkg:@mcpkit/core', 'pkg:eventsource-parser']);
    expect(graph).not.toContain('node-handler.ts');
    expect(graph).not.toContain('serve-http.ts');
  });
});
