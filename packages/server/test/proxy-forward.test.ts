import { createClient } from '@mcpkit/client';
import type { Progress } from '@mcpkit/core';
import { createProxy, createServer, toolResult } from '@mcpkit/server';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));

describe('forwarded requests', () => {
  test.each(['handshake', 'stateless'] as const)(
    '%s era: progress comes back, results and errors pass through as the backend sent them',
    async (mode) => {
      const seenMeta: unknown[] = [];
      const backend = createServer({ name: 'b', version: '1' })
        .tool('work', {}, async (_i, ctx) => {
          seenMeta.push(ctx.params._meta?.trace);
          await ctx.progress(1, 2, 'half');
          await ctx.progress(2, 2);
          return toolResult({
            content: [{ type: 'text', text: 'done' }],
            structuredContent: { ok: true },
            meta: { took: 3 },
          });
        })
        .tool('fails', {}, () => {
          throw new Error('backend says no');
        });
      const proxy = createProxy(backend);
      open.push(proxy);
      const client = await createClient(proxy, { mode });
      open.push(client);
      const progress: Progress[] = [];
      const result = await client.callTool(
        'work',
        {},
        { onProgress: (p) => void progress.push(p), meta: { trace: 't-1' } },
      );
      expect({
        content: result.content,
        structuredContent: result.structuredContent,
        _meta: result._meta,
      }).toEqual({
        content: [{ type: 'text', text: 'done' }],
        structuredContent: { ok: true },
        _meta: { took: 3 },
      });
      expect(progress).toEqual([
        { progress: 1, total: 2, message: 'half' },
        { progress: 2, total: 2 },
      ]);
      expect(seenMeta).toEqual(['t-1']);
      const failed = await client.callTool('fails');
      expect([failed.isError, failed.content]).toEqual([
        true,
        [{ type: 'text', text: 'backend says no' }],
      ]);
      await expect(client.callTool('nope')).rejects.toMatchObject({
        code: -32602,
        message: 'Unknown tool: nope',
      });
    },
  );

  test('cancelling on the proxy cancels on the backend', async () => {
    let aborted: unknown;
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    const backend = createServer({ name: 'b', version: '1' }).tool('wait', {}, async (_i, ctx) => {
      started();
      await new Promise<void>((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          aborted = ctx.signal.aborted;
          resolve();
        });
      });
      return 'stopped';
    });
    const proxy = createProxy(backend);
    open.push(proxy);
    const client = await createClient(proxy, { mode: 'handshake' });
    open.push(client);
    const controller = new AbortController();
    const call = client.callTool('wait', {}, { signal: controller.signal }).catch((e) => e);
    await running;
    controller.abort(new Error('user gave up'));
    await call;
    for (let i = 0; i < 50 && aborted === undefined; i++) await tick();
    expect(aborted).toBe(true);
  });

  test('resources, templates, prompts and completion are forwarded', async () => {
    const backend = createServer({ name: 'b', version: '1' })
      .resource('docs://readme', { mimeType: 'text/markdown' }, () => '# Hi')
      .resourceTemplate(
        'docs://page/{name}',
        { complete: { name: (v) => ['intro', 'install'].filter((n) => n.startsWith(v)) } },
        ({ name }) => `page ${name}`,
      )
      .prompt(
        'review',
        { args: z.object({ code: z.string(), lang: z.enum(['ts', 'py']) }) },
        ({ code, lang }) => `Review ${lang}: ${code}`,
      );
    const proxy = createProxy(backend);
    open.push(proxy);
    const client = await createClient(proxy, { mode: 'handshake' });
    open.push(client);
    expect(await client.listResources()).toEqual([
      { uri: 'docs://readme', name: 'docs://readme', mimeType: 'text/markdown' },
    ]);
    expect(await client.listResourceTemplates()).toEqual([
      { uriTemplate: 'docs://page/{name}', name: 'docs://page/{name}' },
    ]);
    expect(await client.readResource('docs://page/intro')).toEqual({
      contents: [{ uri: 'docs://page/intro', mimeType: 'text/plain', text: 'page intro' }],
    });
    expect(await client.readResource('docs://readme')).toEqual({
      contents: [{ uri: 'docs://readme', mimeType: 'text/markdown', text: '# Hi' }],
    });
    expect(await client.getPrompt('review', { code: 'x', lang: 'ts' })).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'Review ts: x' } }],
    });
    expect(
      await client.complete({ type: 'ref/prompt', name: 'review' }, { name: 'lang', value: 'p' }),
    ).toEqual({ values: ['py'], total: 1, hasMore: false });
    expect(
      await client.complete(
        { type: 'ref/resource', uri: 'docs://page/{name}' },
        { name: 'name', value: 'in' },
      ),
    ).toEqual({ values: ['intro', 'install'], total: 2, hasMore: false });
    await expect(client.readResource('docs://missing')).rejects.toMatchObject({ code: -32002 });
  });
});
