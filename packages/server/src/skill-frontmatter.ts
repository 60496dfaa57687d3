/** Flat `key: string` YAML frontmatter, the subset SKILL.md needs (not a general YAML reader). */
export type Frontmatter = Record<string, string>;

const BLOCK = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const KEY = /^([A-Za-z0-9_./-]+):(?:[ \t]+(.*))?$/;
// Plain scalars YAML would read as something other than a string (or misparse) get quoted.
const PLAIN = /^[A-Za-z0-9(][^:#'"\n]*$/;
const NOT_A_STRING = /^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9.][0-9._eE+-]*|\.inf|\.nan)$/i;

const plainSafe = (value: string): boolean =>
  PLAIN.test(value) && !NOT_A_STRING.test(value) && value.trimEnd() === value;

/** Render a frontmatter block (`---` … `---`), quoting values that plain YAML would change. */
export function writeFrontmatter(fields: Frontmatter): string {
  const lines = Object.entries(fields).map(
    ([key, value]) => `${key}: ${plainSafe(value) ? value : JSON.stringify(value)}`,
  );
  return `---\n${lines.join('\n')}\n---\n`;
}

function readValue(raw: string, line: string): string {
  const value = raw.trim();
  if (value.startsWith('"')) return JSON.parse(value) as string;
  if (value.startsWith("'")) {
    if (!value.endsWith("'") || value.length < 2) throw unsupported(line);
    return value.slice(1, -1).replaceAll("''", "'");
  }
  if (value === '' || NOT_A_STRING.test(value) || /^[[{&*!|>%@`]/.test(value)) {
    throw unsupported(line);
  }
  return value.replace(/[ \t]+#.*$/, '');
}

const unsupported = (line: string) =>
  new TypeError(`SKILL.md frontmatter: only flat "key: string" lines are supported: ${line}`);

/**
 * Split a SKILL.md into its frontmatter fields and body; `undefined` when it has no frontmatter.
 * Throws on nested or non-string values, which this minimal reader does not model.
 */
export function readFrontmatter(text: string): { fields: Frontmatter; body: string } | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = BLOCK.exec(source);
  if (!match) return undefined;
  const fields: Frontmatter = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const kv = KEY.exec(line);
    if (!kv?.[1] || kv[2] === undefined) throw unsupported(line);
    fields[kv[1]] = readValue(kv[2], line);
  }
  return { fields, body: source.slice(match[0].length) };
}
