import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Audio,
  createServer,
  embeddedResource,
  File,
  Image,
  ResourceError,
  resourceLink,
  text,
} from '@mcpkit/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { body, failure, result } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mcpkit-media-'));
  await writeFile(join(dir, 'pic.webp'), new Uint8Array([1, 2, 3]));
  await writeFile(join(dir, 'sound.mp3'), new Uint8Array([255]));
  await writeFile(join(dir, 'notes.md'), '# hi');
  await writeFile(join(dir, 'data.bin'), new Uint8Array([0, 1]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('media helpers', () => {
  test('from bytes: base64 without Buffer, large inputs included', () => {
    expect(Image.fromBytes(new Uint8Array([104, 105])).toContent()).toEqual({
      type: 'image',
      data: 'aGk=',
      mimeType: 'image/png',
    });
    expect(Audio.fromBase64('AA==', 'audio/ogg').toContent({ priority: 1 })).toEqual({
      type: 'audio',
      data: 'AA==',
      mimeType: 'audio/ogg',
      annotations: { priority: 1 },
    });
    const big = new Uint8Array(100_000).fill(65);
    expect(Image.fromBytes(big).data).toBe(btoa('A'.repeat(100_000)));
  });

  test('from files: MIME type from the extension; text files embed as text, others as blobs', async () => {
    expect((await Image.fromFile(join(dir, 'pic.webp'))).toContent()).toEqual({
      type: 'image',
      data: 'AQID',
      mimeType: 'image/webp',
    });
    expect((await Audio.fromFile(join(dir, 'sound.mp3'))).toContent()).toEqual({
      type: 'audio',
      data: '/w==',
      mimeType: 'audio/mpeg',
    });
    expect((await File.fromFile(join(dir, 'notes.md'))).toContent()).toEqual({
      type: 'resource',
      resource: { uri: 'file:///notes.md', mimeType: 'text/markdown', text: '# hi' },
    });
    expect((await File.fromFile(join(dir, 'data.bin'))).toContent()).toEqual({
      type: 'resource',
      resource: { uri: 'file:///data.bin', mimeType: 'application/octet-stream', blob: 'AAE=' },
    });
  });

  test('links and embedded resources in tool results', async () => {
    const s = createServer({ name: 's', version: '1' }).tool('t', {}, () => [
      text('see'),
      resourceLink({ uri: 'file:///a.txt', name: 'a.txt', mimeType: 'text/plain' }),
      embeddedResource({ uri: 'r://x', text: 'inline' }),
    ]);
    expect(body(await result(s, 'tools/call', { name: 't' }))).toEqual({
      content: [
        { type: 'text', text: 'see' },
        { type: 'resource_link', uri: 'file:///a.txt', name: 'a.txt', mimeType: 'text/plain' },
        { type: 'resource', resource: { uri: 'r://x', text: 'inline' } },
      ],
    });
  });

  test('an image returned by a resource becomes a blob', async () => {
    const s = createServer({ name: 's', version: '1' })
      .resource('img://logo', {}, () => Image.fromBytes(new Uint8Array([1]), 'image/gif'))
      .resource('bad://r', {}, () => {
        throw new ResourceError('Backend offline', { data: { retryAfter: 5 } });
      });
    expect(body(await result(s, 'resources/read', { uri: 'img://logo' }))).toEqual({
      contents: [{ uri: 'img://logo', mimeType: 'image/gif', blob: 'AQ==' }],
    });
    expect(await failure(s, 'resources/read', { uri: 'bad://r' })).toEqual({
      code: -32603,
      message: 'Backend offline',
      data: { retryAfter: 5 },
    });
  });
});
