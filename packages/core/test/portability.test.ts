import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

// core, server and client must run on Node, Bun, Deno and workers: their entry
// points may reach no Node built-in, directly or through each other.
const root = fileURLToPath(new URL('../../', import.meta.url));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

async function reachedBuiltins(pkg: string): Promise<string[]> {
  const reached = new Set<string>();
  await build({
    entryPoints: [`${root}${pkg}/src/index.ts`],
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-externals',
        setup(b) {
          b.onResolve({ filter: /^@mcpkit\// }, (args) => {
            // Transport packages are loaded on demand (`await import('@mcpkit/stdio')`) only
            // when a user picks that transport: not part of the portable entry.
            if (args.kind === 'dynamic-import') return { path: args.path, external: true };
            const name = args.path.split('/')[1];
            return { path: `${root}${name}/src/index.ts` };
          });
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (builtins.has(args.path)) reached.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return [...reached].sort();
}

describe.each(['core', 'server', 'client'])('@mcpkit/%s', (pkg) => {
  test('its source entry reaches no Node built-in', async () => {
    expect(await reachedBuiltins(pkg)).toEqual([]);
  });

  test('its built entry imports no Node built-in (when built)', () => {
    const dist = `${root}${pkg}/dist/index.js`;
    if (!existsSync(dist)) return;
    const code = readFileSync(dist, 'utf8');
    const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1],
    );
    expect(specifiers.filter((s) => s && builtins.has(s))).toEqual([]);
  });
});
