import type { HasServerTypes, ServerTypes } from './infer.js';
import type { ArgTransform } from './tool-transform.js';

/** `name` under a mount prefix: `prefix_name`, or as is without a prefix. */
export type PrefixedName<K extends string, P extends string> = P extends '' ? K : `${P}_${K}`;

/** `scheme://rest` under a mount prefix: `scheme://prefix/rest`; other URIs keep their shape. */
export type PrefixedUri<K extends string, P extends string> = P extends ''
  ? K
  : K extends `${infer S}://${infer R}`
    ? `${S}://${P}/${R}`
    : K;

/** A server's types as a parent that mounted it with `prefix` sees them. */
export type Prefixed<T extends ServerTypes, P extends string> = {
  tools: { [K in keyof T['tools'] & string as PrefixedName<K, P>]: T['tools'][K] };
  prompts: { [K in keyof T['prompts'] & string as PrefixedName<K, P>]: T['prompts'][K] };
  resources: { [K in keyof T['resources'] & string as PrefixedUri<K, P>]: T['resources'][K] };
};

/** One record: B's keys win over A's; every value also typed V, so generic uses check. */
type Combine<A, B, V> = {
  [K in keyof A | keyof B]: (K extends keyof B ? B[K] : K extends keyof A ? A[K] : never) & V;
};

type ToolShape = { input: unknown; output: unknown };
type PromptShape = { args: unknown };

/** The parent's types after mounting or importing `S` with prefix `P` (own components win). */
export type WithMounted<T extends ServerTypes, S extends HasServerTypes, P extends string> = {
  tools: Combine<Prefixed<S['~types'], P>['tools'], T['tools'], ToolShape>;
  prompts: Combine<Prefixed<S['~types'], P>['prompts'], T['prompts'], PromptShape>;
  resources: Combine<Prefixed<S['~types'], P>['resources'], T['resources'], unknown>;
};

type Transforms = ArgTransforms;

/** The name an argument is called by after a transformation, or never when it is hidden. */
type NewArgName<K, A extends Transforms> = K extends keyof A
  ? A[K] extends { hide: true }
    ? never
    : A[K] extends { name: infer N extends string }
      ? N
      : K
  : K;

type Defaulted<K, A extends Transforms> = K extends keyof A
  ? A[K] extends { default: unknown }
    ? true
    : false
  : false;

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** A tool's input after renaming, hiding and defaulting arguments. */
export type TransformedInput<I, A extends Transforms> = Flat<
  {
    [K in keyof I as Defaulted<K, A> extends true ? never : NewArgName<K, A>]: I[K];
  } & {
    [K in keyof I as Defaulted<K, A> extends true ? NewArgName<K, A> : never]?: I[K];
  }
>;

type Tools<T extends ServerTypes> = T['tools'];

/** The input of tool `O`, or a plain record for a tool the types do not know (added at runtime). */
export type ToolInputOf<T extends ServerTypes, O extends string> = O extends keyof Tools<T>
  ? unknown extends Tools<T>[O]['input']
    ? Record<string, unknown>
    : Tools<T>[O]['input']
  : Record<string, unknown>;

/** The `args` of a transformation, by the original argument names. */
export type ArgTransforms = { readonly [name: string]: ArgTransform };

/** The types after `transformTool(O, { name: N, args: A, hideOriginal: H })`. */
export type WithTransformed<
  T extends ServerTypes,
  O extends string,
  N extends string,
  A extends Transforms,
  H extends boolean,
> = {
  tools: Combine<
    [H] extends [true] ? Omit<Tools<T>, O> : N extends O ? Omit<Tools<T>, O> : Tools<T>,
    {
      [K in N]: {
        input: TransformedInput<ToolInputOf<T, O>, A>;
        output: O extends keyof Tools<T> ? Tools<T>[O]['output'] : unknown;
      };
    },
    ToolShape
  >;
  prompts: T['prompts'];
  resources: T['resources'];
};
