// Node module hooks for the bench. Why not tsx: tsx compiles with esbuild's `keepNames`, which
// wraps every function expression in a `__name()` call run each time the closure is created;
// on mcpkit's per-request closures that cost ~15% of the engine's time, a cost the published
// (tsup-built) packages do not have and the SDK's prebuilt dist does not pay.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

const packages = new URL('../packages/', import.meta.url);

/** `@mcpkit/x` → packages/x/src/index.ts, `@mcpkit/x/y` → packages/x/src/y.ts. */
function workspaceSource(specifier) {
  const match = /^@mcpkit\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(specifier);
  if (!match) return undefined;
  const url = new URL(`${match[1]}/src/${match[2] ?? 'index'}.ts`, packages);
  return existsSync(url) ? url.href : undefined;
}

const ownTs = (url) =>
  url?.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/');

export async function resolve(specifier, context, next) {
  const source = workspaceSource(specifier);
  if (source) return { url: source, shortCircuit: true };
  // TypeScript sources import each other as `./x.js`; the file on disk is `./x.ts`.
  if (ownTs(context.parentURL) && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(ts)) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!ownTs(url)) return next(url, context);
  const path = fileURLToPath(url);
  const { code } = await transform(await readFile(path, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: pathToFileURL(path).href,
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
