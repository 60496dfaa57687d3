import type { Tool } from '@mcpkit/core';
import { UsageError } from './command.js';

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * Build a tool call's arguments from `--json '{…}'` and `--arg key=value` (args win).
 * A value is parsed as JSON when it parses, else kept as a string; when the tool's input
 * schema types the property, that type decides (a `string` property keeps "42" a string).
 */
export function toolArguments(
  pairs: readonly string[],
  json: string | undefined,
  tool: Tool | undefined,
): Record<string, unknown> {
  const args: Record<string, unknown> = json === undefined ? {} : parseJsonObject(json);
  const properties = (tool?.inputSchema?.properties ?? {}) as Record<string, unknown>;
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`mcpkit call: --arg wants key=value, got ${pair}`);
    const key = pair.slice(0, at);
    args[key] = coerce(pair.slice(at + 1), typesOf(properties[key]));
  }
  return args;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`mcpkit call: --json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('mcpkit call: --json must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The JSON types a property schema allows (`type`, or the types of `anyOf`/`oneOf` branches). */
function typesOf(schema: unknown): Set<JsonType> {
  const types = new Set<JsonType>();
  if (typeof schema !== 'object' || schema === null) return types;
  const { type, anyOf, oneOf, enum: values } = schema as Record<string, unknown>;
  for (const t of Array.isArray(type) ? type : [type])
    if (typeof t === 'string') types.add(t as JsonType);
  for (const branch of [anyOf, oneOf]) {
    if (Array.isArray(branch)) for (const s of branch) for (const t of typesOf(s)) types.add(t);
  }
  if (types.size === 0 && Array.isArray(values)) for (const v of values) types.add(jsonType(v));
  return types;
}

function coerce(raw: string, allowed: Set<JsonType>): unknown {
  let parsed: unknown;
  let parses = true;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parses = false;
  }
  if (allowed.size === 0) return parses ? parsed : raw;
  if (parses && fits(parsed, allowed)) return parsed;
  return allowed.has('string') || !parses ? raw : parsed;
}

function fits(value: unknown, allowed: Set<JsonType>): boolean {
  const type = jsonType(value);
  if (allowed.has(type)) return true;
  return type === 'integer' && allowed.has('number');
}

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}
