import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_DIR, runCli } from '../helpers/cli.js';

const version = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version;
const platform = `${process.platform}-${process.arch}`;

describe('mcpkit version', () => {
  test('prints mcpkit, node and platform', async () => {
    expect(await runCli(['version'])).toEqual({
      code: 0,
      stdout: `mcpkit ${version}\nnode ${process.versions.node}\nplatform ${platform}\n`,
      stderr: '',
    });
  }, 60_000);

  test('--json, and --version as an alias', async () => {
    const { stdout } = await runCli(['version', '--json']);
    expect(JSON.parse(stdout)).toEqual({ mcpkit: version, node: process.versions.node, platform });
    expect((await runCli(['--version'])).stdout).toBe(
      `mcpkit ${version}\nnode ${process.versions.node}\nplatform ${platform}\n`,
    );
  }, 60_000);
});
