import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isServerEndpoint, type ServerEndpoint } from '@mcpkit/core';
import { CliError } from './command.js';
import { isTypeScriptFile, registerTypeScript } from './register-ts.js';

/** `file.ts` or `file.ts:exportName`, as typed on the command line. */
export interface ServerSpec {
  /** absolute path */
  file: string;
  exportName: string | undefined;
}

/** A loaded server definition and where it came from. */
export interface LoadedServer {
  server: ServerEndpoint;
  spec: ServerSpec;
  /** the export it was taken from ('default' or a name) */
  exportName: string;
}

// `path.ext:name`; the extension keeps Windows drive letters (C:\x.ts) from looking like a name.
const SPEC_WITH_EXPORT = /^(.+\.(?:[cm]?[jt]s|[jt]sx)):([A-Za-z_$][\w$]*)$/;

/** Split `file[:export]` and make the path absolute (against `cwd`). */
export function parseServerSpec(text: string, cwd = process.cwd()): ServerSpec {
  const match = SPEC_WITH_EXPORT.exec(text);
  const file = match ? (match[1] as string) : text;
  return { file: resolve(cwd, file), exportName: match ? match[2] : undefined };
}

/**
 * Import a module and pick its server: the named export if one was asked for, else the default
 * export, else the only exported server. A function in that place is called as a factory.
 * TypeScript files load through tsx, with no build step.
 * @example
 * const { server } = await loadServer('src/server.ts:server');
 */
export async function loadServer(text: string, cwd = process.cwd()): Promise<LoadedServer> {
  const spec = parseServerSpec(text, cwd);
  if (!existsSync(spec.file) || !statSync(spec.file).isFile()) {
    throw new CliError(`file not found: ${spec.file}`);
  }
  if (isTypeScriptFile(spec.file)) await registerTypeScript();
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(spec.file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`could not load ${spec.file}: ${firstLine(error)}`, 1, { cause: error });
  }
  const [exportName, value] = pickExport(mod, spec);
  const server = typeof value === 'function' ? await callFactory(value, spec, exportName) : value;
  if (!isServerEndpoint(server)) {
    throw new CliError(
      `export ${exportName} of ${spec.file} is not a server (a createServer(...) value or a function returning one)`,
    );
  }
  return { server, spec, exportName };
}

function pickExport(mod: Record<string, unknown>, spec: ServerSpec): [string, unknown] {
  const names = Object.keys(mod);
  if (spec.exportName !== undefined) {
    if (!(spec.exportName in mod)) {
      throw new CliError(
        `${spec.file} has no export named ${spec.exportName}; it exports: ${listed(names)}`,
      );
    }
    return [spec.exportName, mod[spec.exportName]];
  }
  if (isServerEndpoint(mod.default) || typeof mod.default === 'function') {
    return ['default', mod.default];
  }
  const servers = names.filter((name) => name !== 'default' && isServerEndpoint(mod[name]));
  if (servers.length === 1) {
    const name = servers[0] as string;
    return [name, mod[name]];
  }
  if (servers.length > 1) {
    throw new CliError(
      `${spec.file} exports several servers (${servers.join(', ')}); pick one with ${spec.file}:${servers[0]}`,
    );
  }
  throw new CliError(
    `no server exported by ${spec.file}; it exports: ${listed(names)} (export a createServer(...) value, as default or named)`,
  );
}

async function callFactory(factory: Function, spec: ServerSpec, name: string): Promise<unknown> {
  try {
    return await factory();
  } catch (error) {
    throw new CliError(`export ${name} of ${spec.file} threw: ${firstLine(error)}`, 1, {
      cause: error,
    });
  }
}

const listed = (names: readonly string[]): string =>
  names.length === 0 ? '(nothing)' : names.join(', ');

/** The first line of an error's message: CLI errors stay one line. */
export const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
