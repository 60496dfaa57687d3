import { fileURLToPath } from 'node:url';
import type { TestProjectConfiguration } from 'vitest/config';

// The one list of test projects. vitest.config.ts feeds it to `test.projects`
// (Vitest 4 no longer reads this file on its own).
const packages = ['core', 'server', 'client', 'stdio', 'http', 'sse', 'cli'] as const;

const src = (pkg: string, file = 'index') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${file}.ts`, import.meta.url));

/** Tests import workspace packages from source, so `pnpm test` needs no build. */
export const alias = [
  { find: '@mcpkit/http/node', replacement: src('http', 'node') },
  ...packages.map((pkg) => ({ find: `@mcpkit/${pkg}`, replacement: src(pkg) })),
];

export const projects: TestProjectConfiguration[] = [
  ...packages.map((pkg) => ({
    resolve: { alias },
    test: {
      name: pkg,
      root: `./packages/${pkg}`,
      include: ['test/**/*.test.ts'],
      typecheck: {
        enabled: true,
        include: ['test/**/*.test-d.ts'],
        tsconfig: '../../tsconfig.json',
      },
    },
  })),
  {
    // The transport contract suite and interop tests against the official SDKs.
    resolve: { alias },
    test: { name: 'tests', root: './packages/tests', include: ['test/**/*.test.ts'] },
  },
  {
    resolve: { alias },
    test: { name: 'examples', root: './examples', include: ['*/test/**/*.test.ts'] },
  },
];
