import { build } from 'esbuild';

/**
 * Bundles the everything-client (and the mcpkit sources it imports, via the tsconfig paths) into
 * one ESM file. The suite starts the client once per scenario; a bundle starts in a fraction of
 * the time `--import tsx` needs to load and transform the sources, which keeps 50+ runs short.
 */
export async function bundleClient(
  entry: string,
  tsconfig: string,
  outfile: string,
): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    tsconfig,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // CommonJS dependencies (undici) call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}
