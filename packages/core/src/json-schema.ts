/**
 * A JSON Schema document as it travels on the wire (draft 2020-12 unless `$schema` says otherwise).
 * Kept as a plain record: the keyword set is open-ended and users pass schemas we never inspect.
 */
export type JsonSchema = { [keyword: string]: unknown };

/** One failed check, shaped like a Standard Schema issue so both kinds share one formatter. */
export interface JsonSchemaIssue {
  readonly message: string;
  readonly path: ReadonlyArray<PropertyKey>;
}

/**
 * Checks `value` against the structural subset of a raw JSON Schema: `type` (with `integer` and
 * type arrays), `const`, `enum`, `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum`,
 * `minLength`/`maxLength`, `minItems`/`maxItems`, `items`, `required`, `properties` and
 * `additionalProperties`.
 *
 * Every other keyword (`$ref`, `anyOf`, `pattern`, `format`, …) is ignored, so the checker only
 * ever rejects values a full 2020-12 validator would also reject. Full validation is out of scope
 * here: it needs `$ref` resolution, dialects and regexes, and the fast validator (ajv) compiles with
 * `new Function`, which edge runtimes forbid. Plug in ajv or `@cfworker/json-schema` where that matters.
 */
export function checkJsonSchema(schema: JsonSchema | boolean, value: unknown): JsonSchemaIssue[] {
  const issues: JsonSchemaIssue[] = [];
  check(schema, value, [], issues);
  return issues;
}

function check(schema: unknown, value: unknown, path: PropertyKey[], issues: JsonSchemaIssue[]) {
  if (schema === false) {
    issues.push({ path, message: 'no value is allowed here' });
    return;
  }
  if (!isRecord(schema)) return; // `true` and malformed subschemas accept everything
  const fail = (message: string) => issues.push({ path, message });

  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).map(String);
    if (!types.some((type) => hasType(value, type))) {
      // Past a type mismatch the remaining keywords would only add noise.
      fail(`expected ${types.join(' or ')}, received ${typeName(value)}`);
      return;
    }
  }
  if ('const' in schema && !deepEqual(schema.const, value)) {
    fail(`expected ${stringify(schema.const)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
    fail(`expected one of ${schema.enum.map(stringify).join(', ')}`);
  }

  if (typeof value === 'number') {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
    if (typeof minimum === 'number' && value < minimum) fail(`too small: expected >= ${minimum}`);
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) {
      fail(`too small: expected > ${exclusiveMinimum}`);
    }
    if (typeof maximum === 'number' && value > maximum) fail(`too big: expected <= ${maximum}`);
    if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) {
      fail(`too big: expected < ${exclusiveMaximum}`);
    }
  } else if (typeof value === 'string') {
    // JSON Schema counts code points, not UTF-16 units.
    const length = [...value].length;
    const { minLength, maxLength } = schema;
    if (typeof minLength === 'number' && length < minLength) {
      fail(`too short: expected at least ${plural(minLength, 'character')}`);
    }
    if (typeof maxLength === 'number' && length > maxLength) {
      fail(`too long: expected at most ${plural(maxLength, 'character')}`);
    }
  } else if (Array.isArray(value)) {
    const { minItems, maxItems, items } = schema;
    if (typeof minItems === 'number' && value.length < minItems) {
      fail(`too short: expected at least ${plural(minItems, 'item')}`);
    }
    if (typeof maxItems === 'number' && value.length > maxItems) {
      fail(`too long: expected at most ${plural(maxItems, 'item')}`);
    }
    // The draft-07 tuple form (`items: [...]`) is left alone.
    if (isRecord(items) || typeof items === 'boolean') {
      for (const [index, item] of value.entries()) check(items, item, [...path, index], issues);
    }
  } else if (isRecord(value)) {
    checkObject(schema, value, path, issues);
  }
}

function checkObject(
  schema: JsonSchema,
  value: JsonSchema,
  path: PropertyKey[],
  issues: JsonSchemaIssue[],
) {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required)) {
    for (const key of schema.required) {
      if (typeof key === 'string' && !Object.hasOwn(value, key)) {
        issues.push({ path: [...path, key], message: 'required property is missing' });
      }
    }
  }
  const { additionalProperties } = schema;
  // With `patternProperties` we cannot tell which keys are "additional" without regexes, so
  // additionalProperties is skipped rather than risk rejecting a valid value.
  const checkExtra = additionalProperties !== undefined && schema.patternProperties === undefined;
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) {
      check(properties[key], item, [...path, key], issues);
    } else if (checkExtra) {
      if (additionalProperties === false) {
        issues.push({ path: [...path, key], message: 'unexpected property' });
      } else {
        check(additionalProperties, item, [...path, key], issues);
      }
    }
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isRecord(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  );
}

function stringify(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
