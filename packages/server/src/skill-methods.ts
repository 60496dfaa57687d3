import { type JsonObject, methodNotFound, type ServerCapabilities } from '@mcpkit/core';
import type { RequestContext } from './context.js';
import { runMiddleware } from './middleware.js';
import { paginate } from './pagination.js';

/** The skills extension's identifier (SEP-2640). */
export const SKILLS_EXTENSION = 'io.modelcontextprotocol/skills';

/** Options of the skills extension. */
export interface SkillsOptions {
  /** serve `resources/directory/read` on skill directories (default true) */
  directoryRead?: boolean;
}

/** Served only by servers with at least one skill (-32601 otherwise). */
function skillMethod(serve: (ctx: RequestContext) => unknown) {
  return (ctx: RequestContext) =>
    runMiddleware(ctx, '', () => {
      if (ctx.server.skillCatalog.size === 0) throw methodNotFound(ctx.method);
      return serve(ctx);
    });
}

/** `skills/list`, `skills/get` and `resources/directory/read`, for both eras. */
export const skillMethods = {
  'skills/list': skillMethod(async (ctx): Promise<JsonObject> => {
    // Whole entries are paged, so one skill's resources never straddle two pages.
    const all = await ctx.server.skillCatalog.entries();
    const { items, nextCursor } = paginate(all, ctx.params.cursor, ctx.server.pageSize);
    const result: JsonObject = { skills: items as unknown as JsonObject[] };
    if (nextCursor !== undefined) result.nextCursor = nextCursor;
    return result;
  }),
  'skills/get': skillMethod(async (ctx): Promise<JsonObject> => {
    const skill = await ctx.server.skillCatalog.get(ctx.params.uri);
    return { skill: skill as unknown as JsonObject };
  }),
  'resources/directory/read': skillMethod((ctx): JsonObject => {
    if (!ctx.server.skillsOptions.directoryRead) throw methodNotFound(ctx.method);
    const children = ctx.server.skillCatalog.directory(ctx.params.uri);
    const { items, nextCursor } = paginate(children, ctx.params.cursor, ctx.server.pageSize);
    const result: JsonObject = { resources: items as unknown as JsonObject[] };
    if (nextCursor !== undefined) result.nextCursor = nextCursor;
    return result;
  }),
};

/** Declare the extension (settings inline) when the server has skills. */
export function withSkillsExtension(
  caps: ServerCapabilities,
  skills: number,
  options: Required<SkillsOptions>,
): ServerCapabilities {
  if (skills > 0) {
    const settings: { directoryRead?: boolean } = options.directoryRead
      ? { directoryRead: true }
      : {};
    caps.extensions = { ...caps.extensions, [SKILLS_EXTENSION]: settings };
  }
  return caps;
}
