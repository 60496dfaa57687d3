import { createServer } from '@mcpkit/server';
import { afterEach, describe, expect, test } from 'vitest';
import { body, failure, initialized, result } from './helpers.js';

const SKILL_MD =
  '---\nname: pdf-tools\ndescription: Fill and merge PDF forms\n---\n\n# PDF tools\n\nRun scripts/fill.py.\n';
const MD_DIGEST = 'sha256:3c85e540e4fe314b1eb053e268b73f5b94edacd5c1edeaff93af42d96694c358';
const PY_DIGEST = 'sha256:b375dda7e5acc72f26aefb4ef0e2f5cd2f936e4f5d299451305e0313a07a1dc7';
const FORMS_DIGEST = 'sha256:42c7ad7cb03e95e1ffa1012088d16a491c32f182f6acfced2547d73ed1ea17a0';

const ENTRY = {
  uri: 'skill://pdf-tools/SKILL.md',
  frontmatter: { name: 'pdf-tools', description: 'Fill and merge PDF forms' },
  resources: [
    { uri: 'skill://pdf-tools/SKILL.md', digest: MD_DIGEST, size: 97 },
    { uri: 'skill://pdf-tools/scripts/fill.py', digest: PY_DIGEST, size: 14 },
    { uri: 'skill://pdf-tools/FORMS.md', digest: FORMS_DIGEST, size: 22 },
  ],
};

const make = (options: { pageSize?: number; directoryRead?: boolean } = {}) =>
  createServer({
    name: 's',
    version: '1',
    pageSize: options.pageSize,
    skills:
      options.directoryRead === undefined ? undefined : { directoryRead: options.directoryRead },
  }).skill({
    name: 'pdf-tools',
    description: 'Fill and merge PDF forms',
    body: '# PDF tools\n\nRun scripts/fill.py.\n',
    files: { 'scripts/fill.py': 'print("fill")\n', 'FORMS.md': '# Forms – reference\n' },
  });

let server = make();
afterEach(() => server.close());

describe('skills extension', () => {
  test('discover declares the extension inline, with resources', async () => {
    server = make();
    const caps = (await result(server, 'server/discover')).capabilities;
    expect(caps).toEqual({
      logging: {},
      resources: { subscribe: true, listChanged: true },
      extensions: { 'io.modelcontextprotocol/skills': { directoryRead: true } },
    });
  });

  test('no skills: no extension, and the methods are unknown', async () => {
    server = createServer({ name: 's', version: '1' }) as unknown as ReturnType<typeof make>;
    expect((await result(server, 'server/discover')).capabilities).toEqual({ logging: {} });
    expect((await failure(server, 'skills/list')).code).toBe(-32601);
  });

  test('directoryRead: false declares an empty settings object', async () => {
    server = make({ directoryRead: false });
    const caps = (await result(server, 'server/discover')).capabilities as Record<string, unknown>;
    expect(caps.extensions).toEqual({ 'io.modelcontextprotocol/skills': {} });
    expect(
      (await failure(server, 'resources/directory/read', { uri: 'skill://pdf-tools' })).code,
    ).toBe(-32601);
  });

  test('skills/list carries the entry, digests and cache hints', async () => {
    server = make();
    const listed = await result(server, 'skills/list');
    expect(listed.ttlMs).toBe(0);
    expect(listed.cacheScope).toBe('private');
    expect(body(listed)).toEqual({ skills: [ENTRY] });
  });

  test('skills/list pages whole entries', async () => {
    server = make({ pageSize: 1 }).skill({ name: 'second', description: 'Two', body: 'x' });
    const first = await result(server, 'skills/list');
    expect(body(first)).toEqual({ skills: [ENTRY], nextCursor: first.nextCursor });
    expect(typeof first.nextCursor).toBe('string');
    const second = await result(server, 'skills/list', { cursor: first.nextCursor as string });
    expect((second.skills as { uri: string }[]).map((s) => s.uri)).toEqual([
      'skill://second/SKILL.md',
    ]);
    expect(second.nextCursor).toBeUndefined();
  });

  test('skills/get returns one entry; unknown URIs are -32602', async () => {
    server = make();
    const got = await result(server, 'skills/get', { uri: 'skill://pdf-tools/SKILL.md' });
    expect(body(got)).toEqual({ skill: ENTRY });
    expect(got.ttlMs).toBe(0);
    const error = await failure(server, 'skills/get', { uri: 'skill://nope/SKILL.md' });
    expect(error).toEqual({
      code: -32602,
      message: 'Unknown skill: skill://nope/SKILL.md',
      data: { uri: 'skill://nope/SKILL.md' },
    });
  });

  test('SKILL.md is a text/markdown resource named after its frontmatter', async () => {
    server = make();
    const listed = await result(server, 'resources/list');
    expect(listed.resources).toEqual([
      {
        uri: 'skill://pdf-tools/SKILL.md',
        name: 'pdf-tools',
        description: 'Fill and merge PDF forms',
        mimeType: 'text/markdown',
        size: 97,
      },
      {
        uri: 'skill://pdf-tools/scripts/fill.py',
        name: 'scripts/fill.py',
        mimeType: 'text/plain',
        size: 14,
      },
      { uri: 'skill://pdf-tools/FORMS.md', name: 'FORMS.md', mimeType: 'text/markdown', size: 22 },
    ]);
    const read = await result(server, 'resources/read', { uri: 'skill://pdf-tools/SKILL.md' });
    expect(read.contents).toEqual([
      { uri: 'skill://pdf-tools/SKILL.md', mimeType: 'text/markdown', text: SKILL_MD },
    ]);
  });

  test('resources/directory/read lists direct children, folders as inode/directory', async () => {
    server = make();
    const root = await result(server, 'resources/directory/read', { uri: 'skill://pdf-tools' });
    expect(body(root)).toEqual({
      resources: [
        {
          uri: 'skill://pdf-tools/SKILL.md',
          name: 'SKILL.md',
          mimeType: 'text/markdown',
          size: 97,
        },
        { uri: 'skill://pdf-tools/scripts', name: 'scripts', mimeType: 'inode/directory' },
        {
          uri: 'skill://pdf-tools/FORMS.md',
          name: 'FORMS.md',
          mimeType: 'text/markdown',
          size: 22,
        },
      ],
    });
    const sub = await result(server, 'resources/directory/read', {
      uri: 'skill://pdf-tools/scripts',
    });
    expect(body(sub)).toEqual({
      resources: [
        {
          uri: 'skill://pdf-tools/scripts/fill.py',
          name: 'fill.py',
          mimeType: 'text/plain',
          size: 14,
        },
      ],
    });
    const error = await failure(server, 'resources/directory/read', {
      uri: 'skill://pdf-tools/SKILL.md',
    });
    expect(error.code).toBe(-32602);
  });

  test('the handshake era declares and serves it too', async () => {
    server = make();
    await using raw = await initialized(server);
    expect((raw.init.capabilities as Record<string, unknown>).extensions).toEqual({
      'io.modelcontextprotocol/skills': { directoryRead: true },
    });
    expect(await raw.client.request('skills/get', { uri: ENTRY.uri })).toEqual({ skill: ENTRY });
  });
});

describe('skill definitions', () => {
  test('a body with its own frontmatter is read, not duplicated', async () => {
    server = createServer({ name: 's', version: '1' }).skill({
      name: 'pdf-tools',
      body: SKILL_MD,
    }) as unknown as ReturnType<typeof make>;
    const got = await result(server, 'skills/get', { uri: ENTRY.uri });
    expect(body(got)).toEqual({
      skill: { uri: ENTRY.uri, frontmatter: ENTRY.frontmatter, resources: [ENTRY.resources[0]] },
    });
  });

  test.each([
    ['PDF', 'invalid skill name "PDF": 1-64 lowercase letters, digits, single hyphens'],
    ['a--b', 'invalid skill name "a--b": 1-64 lowercase letters, digits, single hyphens'],
    ['-a', 'invalid skill name "-a": 1-64 lowercase letters, digits, single hyphens'],
    [
      'a'.repeat(65),
      `invalid skill name "${'a'.repeat(65)}": 1-64 lowercase letters, digits, single hyphens`,
    ],
  ])('name %s is refused', (name, message) => {
    expect(() =>
      createServer({ name: 's', version: '1' }).skill({ name, description: 'd', body: '' }),
    ).toThrow(new TypeError(message));
  });

  test('bad paths, missing descriptions, mismatched names and duplicates are refused', () => {
    const s = createServer({ name: 's', version: '1' });
    expect(() => s.skill({ name: 'a', description: 'd', body: '', files: { '../x': '' } })).toThrow(
      new TypeError('skill a: invalid file path "../x"'),
    );
    expect(() =>
      s.skill({ name: 'a', description: 'd', body: '', files: { 'SKILL.md': '' } }),
    ).toThrow(new TypeError('skill a: invalid file path "SKILL.md"'));
    expect(() => s.skill({ name: 'a', body: 'no frontmatter' })).toThrow(
      new TypeError('skill a: a description is required'),
    );
    expect(() => s.skill({ name: 'a', body: '---\nname: b\ndescription: d\n---\n' })).toThrow(
      new TypeError('skill a: SKILL.md frontmatter names b'),
    );
    s.skill({ name: 'a', description: 'd', body: '' });
    expect(() => s.skill({ name: 'a', description: 'd', body: '' })).toThrow(
      new TypeError('skill a is already registered'),
    );
  });
});
