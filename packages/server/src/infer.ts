import type { JsonSchema } from '@mcpkit/core';
import type { StandardSchemaV1 } from '@standard-schema/spec';

/** A schema a component accepts: any Standard Schema (zod first) or a raw JSON Schema object. */
export type SchemaLike = StandardSchemaV1 | JsonSchema;

/** The input a component receives when it declares no schema. */
export type NoInput = Record<string, never>;

/** What callers send for a schema: its input type; a raw JSON Schema gives a plain record. */
export type InferInput<S> = [S] extends [undefined]
  ? NoInput
  : S extends StandardSchemaV1
    ? StandardSchemaV1.InferInput<S>
    : Record<string, unknown>;

/** What a handler receives for a schema: its parsed output type. */
export type InferParsed<S> = [S] extends [undefined]
  ? NoInput
  : S extends StandardSchemaV1
    ? StandardSchemaV1.InferOutput<S>
    : Record<string, unknown>;

/** The structured result a tool with an output schema produces (`unknown` without one). */
export type InferResult<S> = S extends StandardSchemaV1 ? StandardSchemaV1.InferOutput<S> : unknown;

/** The types a server definition carries for typed clients (`createClient<typeof server>`). */
export interface ServerTypes {
  tools: Record<string, { input: unknown; output: unknown }>;
  prompts: Record<string, { args: unknown }>;
  resources: Record<string, unknown>;
}

/** The types of a server with nothing registered yet. */
export interface EmptyServerTypes {
  tools: Record<never, never>;
  prompts: Record<never, never>;
  resources: Record<never, never>;
}

/** One flat record: B's keys win over A's. */
export type Merge<A, B> = {
  [K in keyof A | keyof B]: K extends keyof B ? B[K] : K extends keyof A ? A[K] : never;
};

export type WithTool<T extends ServerTypes, N extends string, E> = {
  tools: Merge<T['tools'], { [K in N]: E }>;
  prompts: T['prompts'];
  resources: T['resources'];
};

export type WithPrompt<T extends ServerTypes, N extends string, E> = {
  tools: T['tools'];
  prompts: Merge<T['prompts'], { [K in N]: E }>;
  resources: T['resources'];
};

export type WithResource<T extends ServerTypes, U extends string, R> = {
  tools: T['tools'];
  prompts: T['prompts'];
  resources: Merge<T['resources'], { [K in U]: R }>;
};

/** Anything carrying the phantom `'~types'` member of a server definition. */
export interface HasServerTypes {
  readonly '~types': ServerTypes;
}

/** The tools of a server definition: `{ [name]: { input, output } }`. */
export type InferTools<S extends HasServerTypes> = S['~types']['tools'];
/** The prompts of a server definition: `{ [name]: { args } }`. */
export type InferPrompts<S extends HasServerTypes> = S['~types']['prompts'];
/** The resources and templates of a server definition: `{ [uri or uriTemplate]: data }`. */
export type InferResources<S extends HasServerTypes> = S['~types']['resources'];
/** The arguments of one tool. */
export type InferToolInput<
  S extends HasServerTypes,
  N extends keyof InferTools<S>,
> = InferTools<S>[N]['input'];
/** The structured result of one tool (`unknown` when it declares no output schema). */
export type InferToolOutput<
  S extends HasServerTypes,
  N extends keyof InferTools<S>,
> = InferTools<S>[N]['output'];
/** The arguments of one prompt. */
export type InferPromptArgs<
  S extends HasServerTypes,
  N extends keyof InferPrompts<S>,
> = InferPrompts<S>[N]['args'];

// RFC 6570 variable names of a template string, for templates declared without a params schema.
type Expressions<T extends string> = T extends `${string}{${infer E}}${infer Rest}`
  ? E | Expressions<Rest>
  : never;
type StripOperator<E extends string> =
  E extends `${'+' | '#' | '.' | '/' | ';' | '?' | '&'}${infer R}` ? R : E;
type SplitVars<E extends string> = E extends `${infer A},${infer B}` ? A | SplitVars<B> : E;
type VarSpecs<T extends string> = SplitVars<StripOperator<Expressions<T>>>;
type VarName<V extends string> = V extends `${infer N}*`
  ? N
  : V extends `${infer N}:${string}`
    ? N
    : V;
type Exploded<T extends string> =
  VarSpecs<T> extends infer V ? (V extends `${infer N}*` ? N : never) : never;

/** Variables of a URI template: `{id}` → string, `{path*}` → string[]; query variables may be absent. */
export type TemplateVariables<T extends string> = string extends T
  ? Record<string, string | string[]>
  : { [K in VarName<VarSpecs<T>>]: K extends Exploded<T> ? string[] : string };

/** What a template handler receives: the parsed params schema, or the raw template variables. */
export type TemplateParams<U extends string, P> = [P] extends [undefined]
  ? TemplateVariables<U>
  : InferParsed<P>;
