import type { RequestParams, Result } from './base.js';
import type { TaskAugmentedParams } from './tasks.js';

export interface StringSchema {
  type: 'string';
  title?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  format?: 'email' | 'uri' | 'date' | 'date-time';
  default?: string;
}

export interface NumberSchema {
  type: 'number' | 'integer';
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  default?: number;
}

export interface BooleanSchema {
  type: 'boolean';
  title?: string;
  description?: string;
  default?: boolean;
}

/** Single choice from plain values. 2025-11-25+ */
export interface UntitledSingleSelectEnumSchema {
  type: 'string';
  title?: string;
  description?: string;
  enum: string[];
  default?: string;
}

/** A value with its display label. */
export interface EnumOption {
  const: string;
  title: string;
}

/** Single choice from labelled values. 2025-11-25+ */
export interface TitledSingleSelectEnumSchema {
  type: 'string';
  title?: string;
  description?: string;
  oneOf: EnumOption[];
  default?: string;
}

/** Several choices from plain values. 2025-11-25+ */
export interface UntitledMultiSelectEnumSchema {
  type: 'array';
  title?: string;
  description?: string;
  minItems?: number;
  maxItems?: number;
  items: { type: 'string'; enum: string[] };
  default?: string[];
}

/** Several choices from labelled values. 2025-11-25+ */
export interface TitledMultiSelectEnumSchema {
  type: 'array';
  title?: string;
  description?: string;
  minItems?: number;
  maxItems?: number;
  items: { anyOf: EnumOption[] };
  default?: string[];
}

/** Pre-2025-11-25 enum with parallel display names; still accepted. */
export interface LegacyTitledEnumSchema {
  type: 'string';
  title?: string;
  description?: string;
  enum: string[];
  /** Non-standard JSON Schema. */
  enumNames?: string[];
  default?: string;
}

export type SingleSelectEnumSchema = UntitledSingleSelectEnumSchema | TitledSingleSelectEnumSchema;
export type MultiSelectEnumSchema = UntitledMultiSelectEnumSchema | TitledMultiSelectEnumSchema;
export type EnumSchema = SingleSelectEnumSchema | MultiSelectEnumSchema | LegacyTitledEnumSchema;

/** A flat field of an elicitation form: no nested objects. */
export type PrimitiveSchemaDefinition = StringSchema | NumberSchema | BooleanSchema | EnumSchema;

/** The restricted JSON Schema of an elicitation form: top-level properties only. */
export interface ElicitationSchema {
  $schema?: string;
  type: 'object';
  properties: { [key: string]: PrimitiveSchemaDefinition };
  required?: string[];
}

/** Ask the user to fill in a form; never for secrets. */
export interface ElicitRequestFormParams extends RequestParams, TaskAugmentedParams {
  /** Omitted means form. 2025-11-25+ */
  mode?: 'form';
  message: string;
  requestedSchema: ElicitationSchema;
}

/** Send the user to a URL for an out-of-band flow (OAuth, payment, API key). 2025-11-25+ */
export interface ElicitRequestURLParams extends RequestParams, TaskAugmentedParams {
  mode: 'url';
  message: string;
  /** 2025-11-25 only (required there); matched by `notifications/elicitation/complete`. */
  elicitationId?: string;
  url: string;
}

export type ElicitRequestParams = ElicitRequestFormParams | ElicitRequestURLParams;

export type ElicitAction = 'accept' | 'decline' | 'cancel';

/** A submitted form value. */
export type ElicitValue = string | number | boolean | string[];

export interface ElicitResult extends Result {
  action: ElicitAction;
  /** Only on `'accept'` of a form; absent for URL mode. */
  content?: { [key: string]: ElicitValue };
}
