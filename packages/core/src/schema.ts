import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import type { $ZodType } from 'zod/v4/core';
// zod/v4/core is what both `zod` and `zod/mini` are built on, so its converter handles either
// without pulling the classic API into bundles that only use zod/mini.
import { toJSONSchema as zodToJsonSchema } from 'zod/v4/core';
import type { JsonSchema, JsonSchemaIssue } from './json-schema.js';
import { checkJsonSchema } from './json-schema.js';

export type { JsonSchema };

/** A schema users may pass: any Standard Schema (zod, valibot, arktype, …) or a raw JSON Schema object. */
export type SchemaInput<T = unknown> = StandardSchemaV1<unknown, T> | JsonSchema;

/** Which side of a transforming schema to describe: what callers send, or what the schema yields. */
export type SchemaIo = 'input' | 'output';

/** One validation problem; `path` reads like `a.b[0]`, or `(root)` for the value itself. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** The outcome of {@link validate}; on failure, `message` is one line a model can act on. */
export type ValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: SchemaIssue[]; message: string };

/** Options for {@link toJsonSchema}. */
export interface ToJsonSchemaOptions {
  /** Defaults to `'input'`: fields with defaults stay optional, as callers see them. */
  io?: SchemaIo;
}

/** True when `value` implements Standard Schema v1 (has `~standard.validate`). */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  const props = standardProps(value);
  return props !== undefined && typeof props.validate === 'function';
}

/** True when `value` implements Standard JSON Schema v1 (has `~standard.jsonSchema`). */
export function isStandardJsonSchema(value: unknown): value is StandardJSONSchemaV1 {
  const converter = standardProps(value)?.jsonSchema;
  return isRecord(converter) && typeof converter.input === 'function';
}

/**
 * Validates `value`, awaiting the schema if it validates asynchronously.
 * A raw JSON Schema is checked structurally (see `checkJsonSchema`) and the value is returned as is.
 * @example
 * const r = await validate(z.object({ name: z.string() }), args);
 * if (!r.ok) return { isError: true, content: [{ type: 'text', text: r.message }] };
 */
export async function validate<T>(
  schema: SchemaInput<T>,
  value: unknown,
): Promise<ValidationResult<T>> {
  return toValidationResult<T>(await runValidation(schema, value));
}

/**
 * Like {@link validate} without the microtask, for schemas that validate synchronously (zod,
 * valibot, raw JSON Schema). Throws a TypeError if the schema returns a Promise.
 */
export function validateSync<T>(schema: SchemaInput<T>, value: unknown): ValidationResult<T> {
  const result = runValidation(schema, value);
  if (isPromiseLike(result)) {
    // Nobody will await it: keep a late rejection from surfacing as unhandled.
    Promise.resolve(result).catch(() => {});
    throw new TypeError(
      `The ${vendorOf(schema)} schema validates asynchronously; use validate() instead of validateSync().`,
    );
  }
  return toValidationResult<T>(result);
}

const conversions = new WeakMap<object, Partial<Record<SchemaIo, JsonSchema>>>();
const objectConversions = new WeakMap<object, Partial<Record<SchemaIo, JsonSchema>>>();

/**
 * Produces the wire JSON Schema (draft 2020-12) for a schema. Results are cached per schema
 * object and shared, so treat them as read-only.
 *
 * - A raw JSON Schema object is returned untouched (same object).
 * - A Standard JSON Schema (`~standard.jsonSchema`, e.g. zod ≥ 4.2, arktype) converts itself.
 * - Other zod 4 schemas (zod/mini, zod < 4.2) go through zod's `toJSONSchema`.
 * - Anything else throws a TypeError.
 *
 * The converter's own 2020-12 `$schema` is dropped: MCP reads schemas without `$schema` as 2020-12,
 * and tool lists repeat it for every schema.
 */
export function toJsonSchema(schema: SchemaInput, options: ToJsonSchemaOptions = {}): JsonSchema {
  const io = options.io ?? 'input';
  if (!isStandardSchemaLike(schema)) {
    if (isRecord(schema)) return schema;
    throw new TypeError(
      `Expected a Standard Schema or a JSON Schema object, got ${kindOf(schema)}.`,
    );
  }
  const cached = conversions.get(schema);
  const hit = cached?.[io];
  if (hit) return hit;
  const converted = withoutDefaultDialect(convert(schema, io));
  conversions.set(schema, { ...cached, [io]: converted });
  return converted;
}

/**
 * Like {@link toJsonSchema}, for tool schemas, which MCP requires to have root `type: "object"`.
 * No schema gives `{ type: 'object', properties: {} }`; a schema without a root `type` (e.g. a
 * union of objects) gets `type: 'object'` added; any other root type throws a TypeError.
 */
export function toObjectJsonSchema(
  schema: SchemaInput | undefined,
  io: SchemaIo = 'input',
): JsonSchema {
  if (schema === undefined) return { type: 'object', properties: {} };
  const json = toJsonSchema(schema, { io });
  if (json.type === 'object') return json;
  if (json.type !== undefined) {
    throw new TypeError(
      `A tool ${io} schema must describe an object (MCP requires root "type": "object"), but this ` +
        `${vendorOf(schema)} schema has type ${JSON.stringify(json.type)}. ` +
        'Wrap the value in an object, e.g. z.object({ value: … }).',
    );
  }
  const cached = objectConversions.get(schema);
  const hit = cached?.[io];
  if (hit) return hit;
  const wrapped: JsonSchema = { type: 'object', ...json };
  objectConversions.set(schema, { ...cached, [io]: wrapped });
  return wrapped;
}

type StandardResult = StandardSchemaV1.Result<unknown>;

function runValidation(
  schema: SchemaInput,
  value: unknown,
): StandardResult | Promise<StandardResult> {
  if (isStandardSchema(schema)) return schema['~standard'].validate(value);
  if (isRecord(schema) && !('~standard' in schema)) {
    const issues = checkJsonSchema(schema, value);
    return issues.length > 0 ? { issues } : { value };
  }
  throw new TypeError(
    isStandardSchemaLike(schema)
      ? `The ${vendorOf(schema)} schema has no ~standard.validate, so it cannot validate values.`
      : `Expected a Standard Schema or a JSON Schema object, got ${kindOf(schema)}.`,
  );
}

function toValidationResult<T>(result: StandardResult): ValidationResult<T> {
  // The spec makes any truthy `issues` a failure, even an empty list.
  if (!result.issues) return { ok: true, value: result.value as T };
  const issues = result.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  return { ok: false, issues, message: formatIssues(issues) };
}

const MAX_LISTED_ISSUES = 10;

function formatIssues(issues: SchemaIssue[]): string {
  if (issues.length === 0) return 'Invalid input';
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    // zod prefixes most messages with "Invalid input: "; one prefix for the whole line is enough.
    .map((issue) => `${issue.path}: ${issue.message.replace(/^Invalid input: /, '')}`);
  const rest = issues.length - listed.length;
  if (rest > 0) listed.push(`and ${rest} more`);
  return `Invalid input: ${listed.join('; ')}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function formatPath(path: StandardSchemaV1.Issue['path'] | JsonSchemaIssue['path']): string {
  let out = '';
  for (const segment of path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${key.toString()}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(root)' : out;
}

function convert(schema: object, io: SchemaIo): JsonSchema {
  const vendor = vendorOf(schema);
  let run: () => unknown;
  if (isStandardJsonSchema(schema)) {
    run = () => schema['~standard'].jsonSchema[io]({ target: 'draft-2020-12' });
  } else if (vendor === '"zod"' && '_zod' in schema) {
    run = () => zodToJsonSchema(schema as $ZodType, { target: 'draft-2020-12', io });
  } else {
    const hint = vendor === '"zod"' ? ' zod 3 schemas are not supported; upgrade to zod 4.' : '';
    throw new TypeError(
      `Cannot convert a ${vendor} schema to JSON Schema: it does not implement Standard JSON ` +
        `Schema (~standard.jsonSchema).${hint} Pass a raw JSON Schema object instead.`,
    );
  }
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(
      `Cannot convert a ${vendor} schema to JSON Schema (${io}): ${reason}. ` +
        'Use JSON-representable types or pass a raw JSON Schema object instead.',
      { cause: error },
    );
  }
  if (!isRecord(result)) {
    throw new TypeError(
      `The ${vendor} schema converted to ${kindOf(result)}, not a JSON Schema object.`,
    );
  }
  return result;
}

const DEFAULT_DIALECTS = new Set([
  'https://json-schema.org/draft/2020-12/schema',
  'https://json-schema.org/draft/2020-12/schema#',
]);

function withoutDefaultDialect(json: JsonSchema): JsonSchema {
  if (typeof json.$schema !== 'string' || !DEFAULT_DIALECTS.has(json.$schema)) return json;
  const { $schema: _dialect, ...rest } = json;
  return rest;
}

function standardProps(value: unknown): JsonSchema | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null)
    return undefined;
  const props: unknown = (value as { '~standard'?: unknown })['~standard'];
  return isRecord(props) ? props : undefined;
}

// Anything carrying `~standard` (arktype schemas are functions) goes down the vendor path, even
// without `validate`: it is a Standard JSON Schema at least, never a raw JSON Schema.
function isStandardSchemaLike(value: unknown): value is object {
  return standardProps(value) !== undefined;
}

function vendorOf(schema: unknown): string {
  const vendor = standardProps(schema)?.vendor;
  return typeof vendor === 'string' ? `"${vendor}"` : 'JSON';
}

function isRecord(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
