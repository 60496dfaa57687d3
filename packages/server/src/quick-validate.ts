import { type SchemaInput, type ValidationResult, validateSync } from '@mcpkit/core';
import type { StandardSchemaV1 } from '@standard-schema/spec';

/** True for promises and other thenables. */
export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

type Props = StandardSchemaV1.Props<unknown, unknown>;
type Outcome = StandardSchemaV1.Result<unknown>;

/** A schema that hands back an outcome already computed, so core formats its issues. */
const settled = (props: Props, outcome: Outcome): SchemaInput => ({
  '~standard': { version: 1, vendor: props.vendor, validate: () => outcome },
});

function toResult<T>(props: Props, outcome: Outcome, value: unknown): ValidationResult<T> {
  // Success needs no formatting: skip the extra object and core's issue mapping.
  if (!outcome.issues) return { ok: true, value: outcome.value as T };
  return validateSync(settled(props, outcome), value) as ValidationResult<T>;
}

/**
 * Like core's `validate`, but synchronous when the schema is (zod, valibot, raw JSON Schema):
 * the schema runs once, and only an asynchronous one costs a promise.
 */
export function quickValidate<T>(
  schema: SchemaInput<T>,
  value: unknown,
): ValidationResult<T> | Promise<ValidationResult<T>> {
  const props = (schema as { '~standard'?: Props })['~standard'];
  // Raw JSON Schema (checked synchronously) and malformed schemas: core decides and reports.
  if (typeof props?.validate !== 'function') return validateSync<T>(schema, value);
  const outcome = props.validate(value);
  if (isThenable(outcome)) {
    return Promise.resolve(outcome).then((done) => toResult<T>(props, done, value));
  }
  return toResult<T>(props, outcome, value);
}
