/** A value `expand()` accepts; `undefined` and empty lists are "undefined" in RFC 6570 terms. */
export type UriTemplateValue = string | number | boolean | readonly string[] | undefined;

/** The variables `expand()` accepts. Associative arrays (RFC 6570 maps) are not supported. */
export type UriTemplateVariables = Readonly<Record<string, UriTemplateValue>>;

/** How an RFC 6570 operator renders and delimits its variables (RFC 6570 appendix A). */
export interface Operator {
  readonly first: string;
  readonly sep: string;
  readonly named: boolean;
  readonly ifemp: string;
  /** `+` and `#` keep reserved characters and pct-encoded triplets as they are. */
  readonly reserved: boolean;
  /** Matching only: characters a value of this operator never contains once expanded. */
  readonly stops: string;
}

/** One `name`, `name*` or `name:N` inside an expression; `prefix` 0 means none. */
export interface VarSpec {
  readonly name: string;
  readonly explode: boolean;
  readonly prefix: number;
}

export interface Expression {
  readonly op: Operator;
  readonly vars: readonly VarSpec[];
}

/** A compiled template is literals (plain strings) and expressions, in order. */
export type Part = string | Expression;

const op = (
  first: string,
  sep: string,
  named: boolean,
  ifemp: string,
  reserved: boolean,
  stops: string,
): Operator => ({ first, sep, named, ifemp, reserved, stops });

/** Keyed by operator character; `''` is simple string expansion. */
export const OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ['', op('', ',', false, '', false, '/?#')],
  ['+', op('', ',', false, '', true, '')],
  ['#', op('#', ',', false, '', true, '')],
  ['.', op('.', '.', false, '', false, '/?#')],
  ['/', op('/', '/', false, '', false, '/?#')],
  [';', op(';', ';', true, '', false, '/?#;')],
  ['?', op('?', '&', true, '=', false, '#&')],
  ['&', op('&', '&', true, '=', false, '#&')],
]);

const UNRESERVED = /[\w.~-]/;
const RESERVED = ":/?#[]@!$&'()*+,;=";
const HEX = /[0-9A-Fa-f]/;
const utf8 = new TextEncoder();

const isTriplet = (s: string, i: number): boolean =>
  s[i] === '%' && HEX.test(s[i + 1] ?? '') && HEX.test(s[i + 2] ?? '');

/** Percent-encodes UTF-8 outside the operator's allowed set (U, or U+R for `+` and `#`). */
function encode(value: string, reserved: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (UNRESERVED.test(c) || (reserved && RESERVED.includes(c))) {
      out += c;
    } else if (reserved && isTriplet(value, i)) {
      out += value.slice(i, i + 3);
      i += 2;
    } else {
      // Whole code point at once; a lone surrogate becomes U+FFFD rather than throwing.
      const ch = String.fromCodePoint(value.codePointAt(i)!);
      i += ch.length - 1;
      for (const byte of utf8.encode(ch)) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

/** First `max` characters (code points; a pct triplet counts as one under `+`/`#`, never split). */
function prefix(value: string, max: number, reserved: boolean): string {
  let i = 0;
  for (let n = 0; n < max && i < value.length; n++) {
    i += reserved && isTriplet(value, i) ? 3 : value.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return value.slice(0, i);
}

function expandValue(
  o: Operator,
  spec: VarSpec,
  value: string | number | boolean | readonly string[],
): string {
  // String() also covers untyped callers that put numbers in a list.
  const enc = (s: unknown) => encode(String(s), o.reserved);
  if (typeof value !== 'object') {
    const s = String(value);
    const text = enc(spec.prefix ? prefix(s, spec.prefix, o.reserved) : s);
    if (!o.named) return text;
    return s === '' ? spec.name + o.ifemp : `${spec.name}=${text}`;
  }
  // Prefixes do not apply to lists (RFC 6570 §2.4.1), so they are ignored here.
  if (!spec.explode) {
    const joined = value.map(enc).join(',');
    return o.named ? `${spec.name}=${joined}` : joined;
  }
  if (!o.named) return value.map(enc).join(o.sep);
  return value.map((v) => (v === '' ? spec.name + o.ifemp : `${spec.name}=${enc(v)}`)).join(o.sep);
}

function expandExpression({ op: o, vars: specs }: Expression, vars: UriTemplateVariables): string {
  let out = '';
  let first = true;
  for (const spec of specs) {
    // Own properties only: `{constructor}` must not expand Object.prototype.constructor.
    const value = Object.hasOwn(vars, spec.name) ? vars[spec.name] : undefined;
    if (value == null || (typeof value === 'object' && value.length === 0)) continue;
    out += first ? o.first : o.sep;
    first = false;
    out += expandValue(o, spec, value);
  }
  return out;
}

/** Expands compiled parts per RFC 6570 levels 1–4 (without associative arrays). */
export function expandParts(parts: readonly Part[], vars: UriTemplateVariables): string {
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : expandExpression(part, vars);
  return out;
}
