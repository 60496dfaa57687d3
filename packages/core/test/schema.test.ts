import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import type { JsonSchema, ValidationResult } from '../src/schema.js';
import {
  isStandardJsonSchema,
  isStandardSchema,
  toJsonSchema,
  toObjectJsonSchema,
  validate,
  validateSync,
} from '../src/schema.js';

/** A made-up library that implements both Standard Schema and Standard JSON Schema. */
function acmeString(): StandardSchemaV1<unknown, string> & StandardJSONSchemaV1<unknown, string> {
  const jsonSchema = (options: StandardJSONSchemaV1.Options) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { text: { type: 'string', 'x-acme': options.target } },
  });
  return {
    '~standard': {
      version: 1,
      vendor: 'acme',
      validate: (value) =>
        typeof value === 'string' ? { value } : { issues: [{ message: 'not a string' }] },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
}

/** A Standard Schema with no JSON Schema converter. */
const opaque: StandardSchemaV1<unknown, unknown> = {
  '~standard': { version: 1, vendor: 'opaque', validate: (value) => ({ value }) },
};

/** Validates asynchronously, as a schema that checks a database would. */
const asyncEven: StandardSchemaV1<unknown, number> = {
  '~standard': {
    version: 1,
    vendor: 'async',
    validate: async (value) =>
      typeof value === 'number' && value % 2 === 0
        ? { value }
        : { issues: [{ message: 'must be even', path: [{ key: 'n' }] }] },
  },
};

const user = z.object({
  name: z.string().min(1).max(50).describe('Display name'),
  age: z.number().int().min(0).max(150).optional(),
  role: z.enum(['admin', 'user']).default('user'),
  tags: z.array(z.string()).describe('Labels'),
});

describe('toJsonSchema', () => {
  test('zod object: descriptions, constraints, enum, optional and default (input)', () => {
    expect(toJsonSchema(user)).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 50, description: 'Display name' },
        age: { type: 'integer', minimum: 0, maximum: 150 },
        role: { default: 'user', type: 'string', enum: ['admin', 'user'] },
        tags: { type: 'array', items: { type: 'string' }, description: 'Labels' },
      },
      required: ['name', 'tags'],
    });
  });

  test('zod object (output): defaulted fields are required and objects are closed', () => {
    expect(toJsonSchema(user, { io: 'output' })).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 50, description: 'Display name' },
        age: { type: 'integer', minimum: 0, maximum: 150 },
        role: { default: 'user', type: 'string', enum: ['admin', 'user'] },
        tags: { type: 'array', items: { type: 'string' }, description: 'Labels' },
      },
      required: ['name', 'role', 'tags'],
      additionalProperties: false,
    });
  });

  test('z.coerce.number()', () => {
    expect(toJsonSchema(z.coerce.number())).toEqual({ type: 'number' });
    expect(toJsonSchema(z.object({ id: z.coerce.number() }))).toEqual({
      type: 'object',
      properties: { id: { type: 'number' } },
      required: ['id'],
    });
  });

  test('nested objects and arrays', () => {
    const order = z.object({
      customer: z.object({
        email: z.string().describe('Receipts go here'),
        vip: z.boolean().optional(),
      }),
      lines: z.array(z.object({ sku: z.string(), qty: z.int().positive() })).min(1),
    });
    expect(toJsonSchema(order)).toEqual({
      type: 'object',
      properties: {
        customer: {
          type: 'object',
          properties: {
            email: { type: 'string', description: 'Receipts go here' },
            vip: { type: 'boolean' },
          },
          required: ['email'],
        },
        lines: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              sku: { type: 'string' },
              qty: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
            },
            required: ['sku', 'qty'],
          },
        },
      },
      required: ['customer', 'lines'],
    });
  });

  test('raw JSON Schema passes through untouched', () => {
    const raw = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { point: { type: 'object', properties: { x: { type: 'number' } } } },
      type: 'object',
      properties: { at: { $ref: '#/$defs/point' } },
      additionalProperties: false,
    };
    const snapshot = structuredClone(raw);
    expect(toJsonSchema(raw)).toBe(raw);
    expect(toJsonSchema(raw, { io: 'output' })).toBe(raw);
    expect(toObjectJsonSchema(raw)).toBe(raw);
    expect(raw).toEqual(snapshot);
  });

  test('a user-declared dialect on a raw schema is kept', () => {
    const draft7 = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' };
    expect(toJsonSchema(draft7)).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
    });
  });

  test('a Standard JSON Schema vendor converts itself', () => {
    expect(toJsonSchema(acmeString())).toEqual({
      type: 'object',
      properties: { text: { type: 'string', 'x-acme': 'draft-2020-12' } },
    });
  });

  test('zod/mini (no ~standard.jsonSchema) falls back to zod toJSONSchema', () => {
    const mini = zm.object({ a: zm.string(), b: zm.optional(zm.number()) });
    expect(isStandardJsonSchema(mini)).toBe(false);
    expect(toJsonSchema(mini)).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number' } },
      required: ['a'],
    });
  });

  test('an unknown vendor without a converter throws', () => {
    expect(() => toJsonSchema(opaque)).toThrow(
      new TypeError(
        'Cannot convert a "opaque" schema to JSON Schema: it does not implement Standard JSON ' +
          'Schema (~standard.jsonSchema). Pass a raw JSON Schema object instead.',
      ),
    );
  });

  test('zod 3 (vendor zod without _zod) gets an upgrade hint', () => {
    const zod3 = { '~standard': { version: 1, vendor: 'zod', validate: () => ({ value: 1 }) } };
    expect(() => toJsonSchema(zod3 as StandardSchemaV1)).toThrow(/zod 3 schemas are not supported/);
  });

  test('an unrepresentable type throws a TypeError with the cause', () => {
    const schema = z.object({ when: z.date() });
    expect(() => toJsonSchema(schema)).toThrow(
      new TypeError(
        'Cannot convert a "zod" schema to JSON Schema (input): Date cannot be represented in ' +
          'JSON Schema. Use JSON-representable types or pass a raw JSON Schema object instead.',
      ),
    );
  });

  test('non-schemas are rejected', () => {
    expect(() => toJsonSchema(null as unknown as JsonSchema)).toThrow(
      new TypeError('Expected a Standard Schema or a JSON Schema object, got null.'),
    );
  });

  test('conversions are cached per schema and io', () => {
    const schema = z.object({ a: z.string().default('x') });
    const input = toJsonSchema(schema);
    expect(toJsonSchema(schema)).toBe(input);
    expect(toJsonSchema(schema, { io: 'input' })).toBe(input);
    const output = toJsonSchema(schema, { io: 'output' });
    expect(output).not.toBe(input);
    expect(toJsonSchema(schema, { io: 'output' })).toBe(output);
    expect(toObjectJsonSchema(schema)).toBe(input);
  });

  test('the converter runs once per schema and io', () => {
    let calls = 0;
    const schema = acmeString();
    const std = schema['~standard'];
    const counted = {
      '~standard': {
        ...std,
        jsonSchema: {
          input: (options: StandardJSONSchemaV1.Options) => {
            calls++;
            return std.jsonSchema.input(options);
          },
          output: std.jsonSchema.output,
        },
      },
    };
    toJsonSchema(counted);
    toJsonSchema(counted);
    toObjectJsonSchema(counted);
    expect(calls).toBe(1);
  });
});

describe('toObjectJsonSchema', () => {
  test('no schema means no arguments', () => {
    expect(toObjectJsonSchema(undefined)).toEqual({ type: 'object', properties: {} });
  });

  test('z.object({}) stays an empty object schema', () => {
    expect(toObjectJsonSchema(z.object({}))).toEqual({ type: 'object', properties: {} });
  });

  test('a union of objects gets a root type', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a') }),
      z.object({ kind: z.literal('b'), n: z.number() }),
    ]);
    const json = toObjectJsonSchema(schema);
    expect(json).toEqual({
      type: 'object',
      oneOf: [
        {
          type: 'object',
          properties: { kind: { type: 'string', const: 'a' } },
          required: ['kind'],
        },
        {
          type: 'object',
          properties: { kind: { type: 'string', const: 'b' }, n: { type: 'number' } },
          required: ['kind', 'n'],
        },
      ],
    });
    expect(toObjectJsonSchema(schema)).toBe(json);
  });

  test('a non-object zod schema throws', () => {
    expect(() => toObjectJsonSchema(z.string())).toThrow(
      new TypeError(
        'A tool input schema must describe an object (MCP requires root "type": "object"), but ' +
          'this "zod" schema has type "string". Wrap the value in an object, e.g. z.object({ value: … }).',
      ),
    );
  });

  test('a non-object raw schema throws', () => {
    expect(() => toObjectJsonSchema({ type: 'array' }, 'output')).toThrow(
      /A tool output schema must describe an object .* this JSON schema has type "array"/,
    );
  });
});

describe('validate', () => {
  const person = z.object({ name: z.string(), age: z.number().min(0), tags: z.array(z.string()) });

  test('zod success returns the parsed value', async () => {
    const withDefault = z.object({ role: z.enum(['admin', 'user']).default('user') });
    expect(await validate(withDefault, {})).toEqual({ ok: true, value: { role: 'user' } });
    expect(validateSync(z.coerce.number(), '42')).toEqual({ ok: true, value: 42 });
  });

  test('zod failure lists every issue with its path', async () => {
    const result = await validate(person, { name: 1, age: -1, tags: ['a', 2] });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'name', message: 'Invalid input: expected string, received number' },
        { path: 'age', message: 'Too small: expected number to be >=0' },
        { path: 'tags[1]', message: 'Invalid input: expected string, received number' },
      ],
      message:
        'Invalid input: name: expected string, received number; ' +
        'age: Too small: expected number to be >=0; tags[1]: expected string, received number',
    });
  });

  test('a root failure says (root)', () => {
    expect(validateSync(person, null)).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: 'Invalid input: expected object, received null' }],
      message: 'Invalid input: (root): expected object, received null',
    });
  });

  test('odd keys are quoted in paths', () => {
    const schema = z.object({ 'first name': z.object({ 'x-y': z.array(z.string()) }) });
    const result = validateSync(schema, { 'first name': { 'x-y': [1] } });
    expect(result.ok === false && result.issues[0]?.path).toBe('["first name"]["x-y"][0]');
  });

  test('long issue lists are capped in the message', () => {
    const result = validateSync(
      z.array(z.string()),
      Array.from({ length: 12 }, (_, i) => i),
    );
    expect(result.ok === false && result.issues.length).toBe(12);
    expect(result.ok === false && result.message).toMatch(
      /; \[9\]: expected string, received number; and 2 more$/,
    );
  });

  test('an async Standard Schema is awaited', async () => {
    expect(await validate(asyncEven, 4)).toEqual({ ok: true, value: 4 });
    expect(await validate(asyncEven, 3)).toEqual({
      ok: false,
      issues: [{ path: 'n', message: 'must be even' }],
      message: 'Invalid input: n: must be even',
    });
  });

  test('validateSync refuses an async schema', () => {
    expect(() => validateSync(asyncEven, 4)).toThrow(
      new TypeError(
        'The "async" schema validates asynchronously; use validate() instead of validateSync().',
      ),
    );
  });

  test('a custom vendor is validated through ~standard', async () => {
    expect(await validate(acmeString(), 'hi')).toEqual({ ok: true, value: 'hi' });
    expect(await validate(acmeString(), 1)).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: 'not a string' }],
      message: 'Invalid input: (root): not a string',
    });
  });

  test('types flow from the schema', async () => {
    const result = await validate(person, {});
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<z.infer<typeof person>>();
    expectTypeOf(validateSync({ type: 'object' }, {})).toEqualTypeOf<ValidationResult<unknown>>();
  });
});

describe('validate with a raw JSON Schema', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 5 },
      age: { type: 'integer', minimum: 0, maximum: 150 },
      score: { type: ['number', 'null'], exclusiveMinimum: 0 },
      role: { enum: ['admin', 'user'] },
      kind: { const: 'person' },
      tags: { type: 'array', items: { type: 'string' }, maxItems: 2 },
      address: {
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
        additionalProperties: false,
      },
      meta: { $ref: '#/$defs/anything', pattern: '^never$' },
    },
    required: ['name', 'kind'],
  };

  test('a conforming value is returned as is', async () => {
    const value = {
      name: 'Ada',
      age: 36,
      score: null,
      role: 'admin',
      kind: 'person',
      tags: ['x'],
      address: { city: 'London' },
      meta: 'unknown keywords are ignored',
      extra: true,
    };
    const result = await validate(schema, value);
    expect(result).toEqual({ ok: true, value });
    expect(result.ok && result.value).toBe(value);
  });

  test('every failure is reported with its path', () => {
    const result = validateSync(schema, {
      name: 'A',
      age: 1.5,
      score: 0,
      role: 'root',
      tags: ['a', 2, 'c'],
      address: { zip: '1' },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'kind', message: 'required property is missing' },
        { path: 'name', message: 'too short: expected at least 2 characters' },
        { path: 'age', message: 'expected integer, received number' },
        { path: 'score', message: 'too small: expected > 0' },
        { path: 'role', message: 'expected one of "admin", "user"' },
        { path: 'tags', message: 'too long: expected at most 2 items' },
        { path: 'tags[1]', message: 'expected string, received number' },
        { path: 'address.city', message: 'required property is missing' },
        { path: 'address.zip', message: 'unexpected property' },
      ],
      message:
        'Invalid input: kind: required property is missing; ' +
        'name: too short: expected at least 2 characters; age: expected integer, received number; ' +
        'score: too small: expected > 0; role: expected one of "admin", "user"; ' +
        'tags: too long: expected at most 2 items; tags[1]: expected string, received number; ' +
        'address.city: required property is missing; address.zip: unexpected property',
    });
  });

  test('const, maximum, maxLength and root type', () => {
    const result = validateSync(schema, { name: 'Ada Lovelace', kind: 'robot', age: 200 });
    expect(result.ok === false && result.issues).toEqual([
      { path: 'name', message: 'too long: expected at most 5 characters' },
      { path: 'kind', message: 'expected "person"' },
      { path: 'age', message: 'too big: expected <= 150' },
    ]);
    expect(validateSync(schema, [])).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: 'expected object, received array' }],
      message: 'Invalid input: (root): expected object, received array',
    });
  });

  test('additionalProperties as a schema and boolean subschemas', () => {
    const map = {
      type: 'object',
      additionalProperties: { type: 'number' },
      properties: { off: false },
    };
    expect(validateSync(map, { a: 1, b: 'x', off: 0 })).toEqual({
      ok: false,
      issues: [
        { path: 'b', message: 'expected number, received string' },
        { path: 'off', message: 'no value is allowed here' },
      ],
      message: 'Invalid input: b: expected number, received string; off: no value is allowed here',
    });
  });

  test('patternProperties disables the additionalProperties check', () => {
    const schema = {
      type: 'object',
      patternProperties: { '^x-': {} },
      additionalProperties: false,
    };
    expect(validateSync(schema, { 'x-a': 1 })).toEqual({ ok: true, value: { 'x-a': 1 } });
  });
});

describe('isStandardSchema', () => {
  test('recognises Standard Schemas and nothing else', () => {
    expect(isStandardSchema(z.string())).toBe(true);
    expect(isStandardSchema(zm.string())).toBe(true);
    expect(isStandardSchema(asyncEven)).toBe(true);
    expect(isStandardSchema({ type: 'string' })).toBe(false);
    expect(isStandardSchema({ '~standard': { version: 1, vendor: 'x' } })).toBe(false);
    expect(isStandardSchema(null)).toBe(false);
    expect(isStandardJsonSchema(z.string())).toBe(true);
    expect(isStandardJsonSchema(acmeString())).toBe(true);
    expect(isStandardJsonSchema(opaque)).toBe(false);
  });
});
