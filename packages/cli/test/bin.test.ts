import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { killAll, PACKAGE_DIR, runCli, SERVERS } from './helpers/cli.js';

afterEach(killAll);

const BUILT = join(PACKAGE_DIR, 'dist', 'bin.js');

describe('the built binary', () => {
  // CI builds before testing; a plain `pnpm test` without a build skips this one.
  test.skipIf(!existsSync(BUILT))(
    'dist/bin.js lists a TypeScript server with no tsx flag given',
    async () => {
      expect(await runCli(['list', SERVERS], { entry: [BUILT] })).toEqual({
        code: 0,
        stdout: 'greet  Greet someone by name\nadd    Add two numbers\nfail   Always fails\n',
        stderr: '',
      });
    },
    60_000,
  );
});
