import { type Composable, type MountOptions, mountFilter, relayUpdates } from './mount.js';
import {
  type MountTarget,
  mountedPrompt,
  mountedResource,
  mountedTemplate,
  mountedTool,
} from './mounted-entries.js';
import { createPrefix } from './prefix.js';

/**
 * Import `sub` into `parent`: a static copy of the components visible in `sub` now, renamed
 * like a mount. They become the parent's own (its `tools.disable()` etc. reach them); later
 * changes to `sub` do not show. Each copy still runs in the sub-server's context (its
 * middleware and lifespan), so handlers see what they were written for.
 */
export function importServer(parent: Composable, sub: Composable, options: MountOptions): void {
  if (sub === (parent as unknown)) throw new Error('A server cannot import itself');
  const pending = sub.prepare();
  if (pending) {
    pending.catch(() => {}); // its outcome is the mount's business, not this refusal's
    throw new Error(
      `import() copies what ${sub.serverInfo.name} offers now, and it has not listed its backend yet; mount() it instead`,
    );
  }
  const prefix = createPrefix(options.prefix);
  const target: MountTarget = { server: sub, prefix };
  const keep = mountFilter(options);
  const tools = sub.toolRegistry.list().filter(keep);
  const prompts = sub.promptRegistry.list().filter(keep);
  const resources = sub.resourceRegistry.list().filter(keep);
  const templates = sub.templateRegistry.list().filter(keep);
  const copies = [
    [parent.toolRegistry, tools.map((e) => mountedTool(target, e))],
    [parent.promptRegistry, prompts.map((e) => mountedPrompt(target, e))],
    [parent.resourceRegistry, resources.map((e) => mountedResource(target, e))],
    [parent.templateRegistry, templates.map((e) => mountedTemplate(target, e))],
  ] as const;
  // Refuse before copying anything, so a failed import leaves the parent as it was.
  for (const [registry, entries] of copies) {
    for (const entry of entries) {
      if (registry.policy === 'error' && registry.taken(entry.key)) {
        throw new Error(`Duplicate ${registry.kind}: ${entry.key} is already registered`);
      }
    }
  }
  for (const [registry, entries] of copies) {
    for (const entry of entries) (registry.add as (e: typeof entry) => void)(entry);
  }
  relayUpdates(parent, sub, target);
  parent.attachments.add({ start: () => sub.ready(), close: () => sub.close() });
}
