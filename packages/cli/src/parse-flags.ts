import { parseArgs } from 'node:util';
import { UsageError } from './command.js';

/** Flag declarations in `node:util` parseArgs form. */
export type FlagSpec = Record<
  string,
  { type: 'string' | 'boolean'; multiple?: boolean; short?: string; default?: string | boolean }
>;

/** What a command receives: flag values by name, then positionals. */
export interface ParsedFlags {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/**
 * Parse one command's arguments strictly, turning parseArgs' errors into one-line usage errors
 * that name the command and point at its help.
 */
export function parseFlags(command: string, argv: readonly string[], flags: FlagSpec): ParsedFlags {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, ...flags },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (error) {
    throw new UsageError(`${describe(error, command)} (see mcpkit ${command} --help)`);
  }
}

function describe(error: unknown, command: string): string {
  const { code, message } = error as { code?: string; message?: string };
  const flag = /'(?:-\w, )?(-{1,2}[^' ,]+)/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `mcpkit ${command}: unknown flag ${flag ?? ''}`.trimEnd();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message ?? '')
        ? `mcpkit ${command}: ${flag ?? 'a flag'} needs a value`
        : `mcpkit ${command}: ${flag ?? 'a flag'} takes no value`;
    default:
      return `mcpkit ${command}: ${message ?? String(error)}`;
  }
}

/** A string flag's value, or undefined. */
export const stringFlag = (parsed: ParsedFlags, name: string): string | undefined => {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
};

/** A repeatable string flag's values. */
export const listFlag = (parsed: ParsedFlags, name: string): string[] => {
  const value = parsed.values[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** A port number flag: an integer in 0..65535. */
export function portFlag(command: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(
      `mcpkit ${command}: --port must be a number from 0 to 65535, got ${value}`,
    );
  }
  return port;
}

/** Split `KEY=VALUE` pairs (from --env or --arg) into a record. */
export function keyValues(command: string, flag: string, pairs: readonly string[]) {
  const record: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`mcpkit ${command}: ${flag} wants KEY=VALUE, got ${pair}`);
    record[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return record;
}
