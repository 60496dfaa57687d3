import type { Expression, Part, UriTemplateVariables, VarSpec } from './uri-template-expand.js';
import { expandParts, OPERATORS } from './uri-template-expand.js';

export type { UriTemplateValue, UriTemplateVariables } from './uri-template-expand.js';

/** Variables read from a URI: exploded variables (`{x*}`) give arrays, the others strings. */
export type UriTemplateMatch = Record<string, string | string[]>;

/** A compiled RFC 6570 URI template (levels 1–4, without associative arrays). */
export interface UriTemplate {
  readonly template: string;
  /** Variable names in order of first appearance. */
  readonly variables: readonly string[];
  /**
   * The percent-decoded variables of `uri`, or null when it does not fit the template.
   * @example compileUriTemplate('users://{id}/profile').match('users://42/profile') // { id: '42' }
   */
  match(uri: string): UriTemplateMatch | null;
  /**
   * Expands the template per RFC 6570; undefined variables and empty lists are left out.
   * @example compileUriTemplate('weather://{city}{?days}').expand({ city: 'Oslo', days: 3 })
   */
  expand(vars: UriTemplateVariables): string;
}

/*
 * Matching is one left-to-right pass over the compiled parts, with no regex and no backtracking,
 * so it costs O(URI length × longest literal) whatever the input:
 * - A literal must appear exactly where the scan stands.
 * - A value runs until the first of: a character its operator would have percent-encoded
 *   (`/ ? #` for {x} {/x} {.x} {;x}; none for {+x} {#x}), the separator before the next variable
 *   of its expression, the first occurrence of the next literal, or the next expression's leading
 *   character (the `?` of {?q}, the `.` of {.ext}). So a value takes the shortest run up to the
 *   next literal; only a literal that ends the template is anchored at the end of the URI instead.
 * - {x} and {+x} need a non-empty value. Operator expressions are optional and, being shortest,
 *   are left out when their leading character is missing or the next literal starts right here.
 *   {?a}{&b} read the query up to `#` in any order and ignore unknown keys.
 * - Exploded variables give arrays; the others one string, commas included (`{list}` → 'a,b').
 */

/** Where a value must stop besides its operator's own stop characters. */
interface Bounds {
  readonly limit: number;
  readonly literal: string;
  readonly opener: string;
  /** Next known index of `literal` (-1: none left, -2: not searched yet); positions only grow. */
  literalAt: number;
}

type Found = Map<string, string | string[]>;

const isQuery = (part: Part | undefined): part is Expression =>
  typeof part === 'object' && part.op.named && part.op.sep === '&';

/** Native indexOf, redone only once `p` passes the last hit, keeps the literal search linear. */
function literalStarts(uri: string, p: number, b: Bounds): boolean {
  if (b.literal === '') return false;
  if (b.literalAt !== -1 && b.literalAt < p) b.literalAt = uri.indexOf(b.literal, p);
  return b.literalAt === p;
}

const atBoundary = (uri: string, p: number, b: Bounds): boolean =>
  p >= b.limit || literalStarts(uri, p, b) || (b.opener !== '' && uri[p] === b.opener);

/** End of the value starting at `from`; the first `minLen` characters ignore the bounds. */
function scan(uri: string, from: number, stops: string, minLen: number, b: Bounds): number {
  let p = from;
  while (p < b.limit && !stops.includes(uri[p]!)) {
    if (p - from >= minLen && atBoundary(uri, p, b)) break;
    p++;
  }
  return p;
}

/** Invalid percent-encoding means "no match", never an exception. */
function decode(s: string): string | null {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Named values: an exploded variable collects every occurrence, any other keeps the first. */
function put(into: Found, spec: VarSpec, value: string): void {
  const prev = into.get(spec.name);
  if (!spec.explode) {
    if (prev === undefined) into.set(spec.name, value);
  } else if (Array.isArray(prev)) {
    prev.push(value);
  } else {
    into.set(spec.name, [value]);
  }
}

function boundsAfter(parts: readonly Part[], k: number, uri: string): Bounds {
  const next = parts[k + 1];
  if (typeof next !== 'string') {
    return { limit: uri.length, literal: '', opener: next?.op.first ?? '', literalAt: -1 };
  }
  // A final literal can only sit at the very end, so anchor it there rather than search for it.
  const final = k + 2 === parts.length;
  const limit = final ? uri.length - next.length : uri.length;
  return { limit, literal: final ? '' : next, opener: '', literalAt: -2 };
}

/** `{;x,y}`: consumes `;name=value` items while the names belong to this expression. */
function matchMatrix(e: Expression, uri: string, start: number, b: Bounds, found: Found): number {
  const local: Found = new Map();
  let pos = start;
  while (!atBoundary(uri, pos, b) && uri[pos] === ';') {
    const end = scan(uri, pos + 1, e.op.stops, 0, b);
    const item = uri.slice(pos + 1, end);
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    const spec = e.vars.find((v) => v.name === name);
    if (!spec) break;
    const value = decode(eq < 0 ? '' : item.slice(eq + 1));
    if (value === null) return -1;
    put(local, spec, value);
    pos = end;
  }
  for (const [name, value] of local) found.set(name, value);
  return pos;
}

/** A run of `{?…}{&…}` expressions shares one query, read up to `#` in any order. */
function matchQuery(group: readonly Expression[], uri: string, pos: number, found: Found): number {
  if (uri[pos] !== group[0]!.op.first) return pos;
  const hash = uri.indexOf('#', pos);
  const end = hash < 0 ? uri.length : hash;
  const specs = group.flatMap((e) => e.vars);
  const local: Found = new Map();
  for (const pair of uri.slice(pos + 1, end).split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const spec = specs.find((v) => v.name === name);
    if (!spec) continue;
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (value === null) return -1;
    put(local, spec, value);
  }
  for (const [name, value] of local) found.set(name, value);
  return end;
}

/** Unnamed operators: values in order, split on the operator's separator. */
function matchExpression(
  e: Expression,
  uri: string,
  start: number,
  b: Bounds,
  found: Found,
): number {
  const { op } = e;
  if (op.named) return matchMatrix(e, uri, start, b, found);
  let pos = start;
  if (op.first) {
    // No leading character (or the next literal right here) means every variable is undefined.
    if (atBoundary(uri, pos, b) || uri[pos] !== op.first) return pos;
    pos++;
  }
  for (let i = 0; i < e.vars.length; i++) {
    const spec = e.vars[i]!;
    if (i > 0) {
      if (atBoundary(uri, pos, b) || uri[pos] !== op.sep) break;
      pos++;
    }
    // The last plain value may contain its separator (a comma) when the operator allows it.
    const last = i === e.vars.length - 1 && !spec.explode;
    const stops = last ? op.stops : op.stops + op.sep;
    const items: string[] = [];
    for (;;) {
      const minLen = i === 0 && items.length === 0 && !op.first ? 1 : 0;
      const end = scan(uri, pos, stops, minLen, b);
      const value = end - pos < minLen ? null : decode(uri.slice(pos, end));
      if (value === null) return -1;
      items.push(value);
      pos = end;
      if (!spec.explode || atBoundary(uri, pos, b) || uri[pos] !== op.sep) break;
      pos++;
    }
    found.set(spec.name, spec.explode ? items : items[0]!);
  }
  return pos;
}

function matchParts(parts: readonly Part[], uri: string): UriTemplateMatch | null {
  const found: Found = new Map();
  let pos = 0;
  for (let k = 0; k < parts.length && pos >= 0; k++) {
    const part = parts[k]!;
    if (typeof part === 'string') {
      pos = uri.startsWith(part, pos) ? pos + part.length : -1;
    } else if (isQuery(part)) {
      const group = [part];
      for (let next = parts[k + 1]; isQuery(next); next = parts[++k + 1]) group.push(next);
      pos = matchQuery(group, uri, pos, found);
    } else {
      pos = matchExpression(part, uri, pos, boundsAfter(parts, k, uri), found);
    }
  }
  // fromEntries defines own properties, so a variable named `__proto__` stays a plain key.
  return pos === uri.length ? Object.fromEntries(found) : null;
}

const VARNAME = /^(?:\w|%[0-9A-Fa-f]{2})+(?:\.(?:\w|%[0-9A-Fa-f]{2})+)*$/;
const PREFIX = /^[1-9]\d{0,3}$/;
const RESERVED_OPERATORS = '=,!@|';

type Fail = (detail: string) => TypeError;

function parseVarSpec(spec: string, at: number, fail: Fail): VarSpec {
  const explode = spec.endsWith('*');
  const colon = explode ? -1 : spec.indexOf(':');
  const name = explode ? spec.slice(0, -1) : colon < 0 ? spec : spec.slice(0, colon);
  if (!VARNAME.test(name)) throw fail(`invalid variable name "${name}" at position ${at}`);
  if (colon < 0) return { name, explode, prefix: 0 };
  const max = spec.slice(colon + 1);
  if (!PREFIX.test(max)) throw fail(`invalid prefix "${spec}" at position ${at}`);
  return { name, explode, prefix: Number(max) };
}

function parseExpression(body: string, at: number, fail: Fail): Expression {
  const c = body[0] ?? '';
  if (c !== '' && RESERVED_OPERATORS.includes(c)) {
    throw fail(`unsupported operator "${c}" at position ${at}`);
  }
  const op = OPERATORS.get(c);
  const list = op ? body.slice(1) : body;
  if (list === '') throw fail(`empty expression at position ${at}`);
  return {
    op: op ?? OPERATORS.get('')!,
    vars: list.split(',').map((s) => parseVarSpec(s, at, fail)),
  };
}

function parse(template: string): Part[] {
  const fail: Fail = (detail) => new TypeError(`Invalid URI template "${template}": ${detail}`);
  const parts: Part[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const literalEnd = open < 0 ? template.length : open;
    const stray = template.indexOf('}', i);
    if (stray >= 0 && stray < literalEnd) throw fail(`unexpected "}" at position ${stray}`);
    if (literalEnd > i) parts.push(template.slice(i, literalEnd));
    if (open < 0) break;
    const close = template.indexOf('}', open + 1);
    const nested = template.indexOf('{', open + 1);
    if (close < 0 || (nested >= 0 && nested < close)) {
      throw fail(`unclosed "{" at position ${open}`);
    }
    parts.push(parseExpression(template.slice(open + 1, close), open, fail));
    i = close + 1;
  }
  return parts;
}

/**
 * Compiles an RFC 6570 template once for matching and expansion; throws a TypeError if malformed.
 * @example compileUriTemplate('file:///{+path}').match('file:///a/b.txt') // { path: 'a/b.txt' }
 */
export function compileUriTemplate(template: string): UriTemplate {
  const parts = parse(template);
  const names = parts.flatMap((p) => (typeof p === 'string' ? [] : p.vars.map((v) => v.name)));
  return Object.freeze({
    template,
    variables: Object.freeze([...new Set(names)]),
    match: (uri: string) => matchParts(parts, uri),
    expand: (vars: UriTemplateVariables) => expandParts(parts, vars),
  });
}
