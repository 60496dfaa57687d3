import { createServer } from '@mcpkit/server';
import { z } from 'zod';

export const server = createServer({ name: 'editor', version: '1.0.0' })
  .resource(
    'docs://release-notes',
    { mimeType: 'text/plain' },
    () => 'v2.0 adds typed clients, tag filtering and the stateless protocol era.',
  )
  .tool(
    'publish_summary',
    { description: 'Summarize the release notes and publish them if the user agrees' },
    async (_input, ctx) => {
      await ctx.log.info('reading the release notes');
      const [notes] = await ctx.readResource('docs://release-notes');
      await ctx.progress(1, 3, 'read');

      // The client's LLM writes the summary.
      const text = notes && 'text' in notes ? notes.text : '';
      const summary = await ctx.sample(`Summarize in one line: ${text}`, { maxTokens: 50 });
      await ctx.progress(2, 3, 'summarized');

      // The user decides.
      const answer = await ctx.elicit(
        `Publish "${summary.text}"?`,
        z.object({ channel: z.enum(['blog', 'newsletter']) }),
      );
      await ctx.progress(3, 3, 'done');
      if (answer.action !== 'accept') return `Not published (${answer.action})`;
      await ctx.log.notice(`published to ${answer.data.channel}`);
      return `Published to ${answer.data.channel}: ${summary.text}`;
    },
  );
