import { ErrorCode, McpError } from '@mcpkit/core';
import { sha256Digest, utf8 } from './digest.js';
import { mimeTypeOf } from './mime.js';
import { type Frontmatter, readFrontmatter, writeFrontmatter } from './skill-frontmatter.js';

/** A skill served through the skills extension (SEP-2640). */
export interface SkillDefinition {
  /** 1–64 chars, lowercase letters, digits and single inner hyphens; the URI's last segment */
  name: string;
  /** what the skill does and when to use it (may come from `body`'s own frontmatter instead) */
  description?: string;
  /** SKILL.md's markdown; a leading `---` frontmatter block in it is read, not duplicated */
  body: string;
  /** further flat frontmatter fields (`license`, `compatibility`, …) */
  frontmatter?: Frontmatter;
  /** supporting files by relative path, e.g. `{ 'scripts/run.py': '…' }` */
  files?: Record<string, string>;
}

/** One file of a skill entry's `resources`. */
export interface SkillFileRef {
  uri: string;
  digest: string;
  size: number;
}

/** The `skills/list` / `skills/get` entry of one skill. */
export interface SkillEntry {
  uri: string;
  frontmatter: Frontmatter;
  resources: SkillFileRef[];
}

/** One file of a skill, ready to register as a resource. */
export interface SkillFile {
  uri: string;
  name: string;
  description?: string;
  mimeType: string;
  text: string;
  size: number;
}

/** A child of a skill directory for `resources/directory/read`. */
export interface DirectoryChild {
  uri: string;
  name: string;
  mimeType: string;
  size?: number;
}

const NAME = /^(?!.*--)[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=@-]+$/;
const MAX_FILES = 512;
const MAX_BYTES = 16 * 1024 * 1024;
const DIRECTORY = 'inode/directory';

/** A validated skill: its files and (computed once, lazily) its entry. */
interface Skill {
  readonly uri: string;
  readonly root: string;
  readonly frontmatter: Frontmatter;
  readonly files: SkillFile[];
  entry?: Promise<SkillEntry>;
}

function checkPath(skill: string, path: string): void {
  const segments = path.split('/');
  if (path === 'SKILL.md' || !segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) {
    throw new TypeError(`skill ${skill}: invalid file path ${JSON.stringify(path)}`);
  }
}

function frontmatterOf(def: SkillDefinition): { fields: Frontmatter; body: string } {
  const own = readFrontmatter(def.body);
  const fields: Frontmatter = { name: def.name };
  const description = def.description ?? own?.fields.description;
  if (description === undefined || description === '') {
    throw new TypeError(`skill ${def.name}: a description is required`);
  }
  fields.description = description;
  if (own && own.fields.name !== undefined && own.fields.name !== def.name) {
    throw new TypeError(`skill ${def.name}: SKILL.md frontmatter names ${own.fields.name}`);
  }
  // name and description lead; the given name and description win over the body's own.
  const all = { ...fields, ...own?.fields, ...def.frontmatter, ...fields };
  return { fields: all, body: own?.body ?? def.body };
}

/** Build a skill's files (SKILL.md first) from its definition, validating names, paths, limits. */
function buildSkill(def: SkillDefinition): Skill {
  if (typeof def.name !== 'string' || !NAME.test(def.name)) {
    throw new TypeError(
      `invalid skill name ${JSON.stringify(def.name)}: 1-64 lowercase letters, digits, single hyphens`,
    );
  }
  const { fields, body } = frontmatterOf(def);
  const root = `skill://${def.name}`;
  const skillMd = `${writeFrontmatter(fields)}${body.startsWith('\n') ? '' : '\n'}${body}`;
  const files: SkillFile[] = [
    {
      uri: `${root}/SKILL.md`,
      name: def.name,
      description: fields.description,
      mimeType: 'text/markdown',
      text: skillMd,
      size: utf8(skillMd).byteLength,
    },
  ];
  for (const [path, text] of Object.entries(def.files ?? {})) {
    checkPath(def.name, path);
    const mimeType = mimeTypeOf(path) ?? 'text/plain';
    files.push({ uri: `${root}/${path}`, name: path, mimeType, text, size: utf8(text).byteLength });
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (files.length > MAX_FILES || total > MAX_BYTES) {
    throw new TypeError(`skill ${def.name}: more than ${MAX_FILES} files or 16 MiB`);
  }
  return { uri: files[0]?.uri ?? root, root, frontmatter: fields, files };
}

async function entryOf(skill: Skill): Promise<SkillEntry> {
  const resources = await Promise.all(
    skill.files.map(async (f) => ({
      uri: f.uri,
      digest: await sha256Digest(utf8(f.text)),
      size: f.size,
    })),
  );
  return { uri: skill.uri, frontmatter: { ...skill.frontmatter }, resources };
}

/** The skills of one server, by SKILL.md URI, in registration order. */
export class SkillCatalog {
  private readonly skills = new Map<string, Skill>();

  get size(): number {
    return this.skills.size;
  }

  /** Validate and add a skill; returns its files for registration as resources. */
  add(def: SkillDefinition): readonly SkillFile[] {
    const skill = buildSkill(def);
    if (this.skills.has(skill.uri)) throw new TypeError(`skill ${def.name} is already registered`);
    this.skills.set(skill.uri, skill);
    return skill.files;
  }

  /** Every entry, in registration order (digests computed on first use). */
  entries(): Promise<SkillEntry[]> {
    return Promise.all([...this.skills.values()].map((s) => (s.entry ??= entryOf(s))));
  }

  /** The entry of the skill whose SKILL.md is `uri`; -32602 for any other URI. */
  get(uri: unknown): Promise<SkillEntry> {
    const skill = typeof uri === 'string' ? this.skills.get(uri) : undefined;
    if (!skill) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown skill: ${String(uri)}`, { uri });
    }
    skill.entry ??= entryOf(skill);
    return skill.entry;
  }

  /**
   * The direct children of a skill directory (`skill://name` or a folder under it), folders
   * marked `inode/directory`; -32602 when `uri` is no directory of a skill.
   */
  directory(uri: unknown): DirectoryChild[] {
    const dir = typeof uri === 'string' ? uri.replace(/\/+$/, '') : '';
    const prefix = `${dir}/`;
    const skill = [...this.skills.values()].find(
      (s) =>
        dir === s.root ||
        (dir.startsWith(`${s.root}/`) && s.files.some((f) => f.uri.startsWith(prefix))),
    );
    if (!skill) {
      throw new McpError(ErrorCode.InvalidParams, `Not a skill directory: ${String(uri)}`, { uri });
    }
    const children: DirectoryChild[] = [];
    const folders = new Set<string>();
    for (const file of skill.files) {
      if (!file.uri.startsWith(prefix)) continue;
      const rest = file.uri.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) {
        children.push({ uri: file.uri, name: rest, mimeType: file.mimeType, size: file.size });
      } else if (!folders.has(rest.slice(0, slash))) {
        const name = rest.slice(0, slash);
        folders.add(name);
        children.push({ uri: `${prefix}${name}`, name, mimeType: DIRECTORY });
      }
    }
    return children;
  }
}
