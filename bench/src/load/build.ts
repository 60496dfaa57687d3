// Bundles each server program into one ESM file under bench/node_modules/.cache before a load run.
// Why: every contender then starts the way it ships. mcpkit's sources are compiled and
// inlined (what tsup does for the published packages); the SDKs, zod and undici stay
// external and load from their own prebuilt `dist`. No loader hooks run in the server
// processes, so cold start and CPU figures hold no TypeScript compilation.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const benchDir = fileURLToPath(new URL('../../', import.meta.url));
const packagesDir = fileURLToPath(new URL('../../../packages/', import.meta.url));

/** Where the bundles go: under bench/node_modules, so their bare imports resolve from there. */
export const BUILD_DIR = `${benchDir}node_modules/.cache/mcpkit-bench/`;

/** The server programs, by contender id. */
export const SERVER_PROGRAMS = ['mcpkit', 'sdk-v1', 'sdk-v2', 'floor', 'floor-zod'] as const;
export type ServerProgram = (typeof SERVER_PROGRAMS)[number];

/** `@mcpkit/x[/y]` → packages/x/src/(index|y).ts, so mcpkit is bundled from source. */
const mcpkitSource: Plugin = {
  name: 'mcpkit-source',
  setup(b) {
    b.onResolve({ filter: /^@mcpkit\// }, (args) => {
      const match = /^@mcpkit\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(args.path);
      const path = match && `${packagesDir}${match[1]}/src/${match[2] ?? 'index'}.ts`;
      if (!path || !existsSync(path)) return { errors: [{ text: `no source for ${args.path}` }] };
      return { path };
    });
  },
};

/** Path of the bundle for one server program. */
export const programPath = (program: ServerProgram): string => `${BUILD_DIR}${program}.mjs`;

/** Build every server program (a second or two). */
export async function buildServers(): Promise<void> {
  await build({
    entryPoints: SERVER_PROGRAMS.map((p) => ({
      in: fileURLToPath(new URL(`./servers/${p}.ts`, import.meta.url)),
      out: p,
    })),
    outdir: BUILD_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Everything but mcpkit loads from node_modules, as it would in a user's project.
    external: ['@modelcontextprotocol/*', 'zod', 'zod/*', 'undici', '@standard-schema/*'],
    plugins: [mcpkitSource],
    logLevel: 'warning',
  });
}
