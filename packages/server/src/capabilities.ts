import type { ServerCapabilities } from '@mcpkit/core';
import type { PromptEntry } from './prompts.js';
import type { Registry } from './registry.js';
import type { ResourceEntry, TemplateEntry } from './resources.js';
import type { SkillCatalog } from './skill-catalog.js';
import { type SkillsOptions, withSkillsExtension } from './skill-methods.js';
import type { ToolEntry } from './tools.js';

/** What a server has registered, as far as its declared capabilities go. */
export interface CapabilitySources {
  readonly toolRegistry: Registry<ToolEntry>;
  readonly resourceRegistry: Registry<ResourceEntry>;
  readonly templateRegistry: Registry<TemplateEntry>;
  readonly promptRegistry: Registry<PromptEntry>;
  readonly skillCatalog: SkillCatalog;
  readonly skillsOptions: Required<SkillsOptions>;
}

/**
 * The capabilities a server declares: derived from what is registered (and in use through
 * mounts) each time they are asked for, so runtime changes show in the next handshake.
 */
export function declaredCapabilities(server: CapabilitySources): ServerCapabilities {
  const caps: ServerCapabilities = { logging: {} };
  const prompts = server.promptRegistry.inUse();
  const templates = server.templateRegistry.inUse();
  if (prompts || templates) caps.completions = {};
  if (prompts) caps.prompts = { listChanged: true };
  if (templates || server.resourceRegistry.inUse()) {
    caps.resources = { subscribe: true, listChanged: true };
  }
  if (server.toolRegistry.inUse()) caps.tools = { listChanged: true };
  return withSkillsExtension(caps, server.skillCatalog.size, server.skillsOptions);
}
