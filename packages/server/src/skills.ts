import type { Registry } from './registry.js';
import { createResourceEntry, type ResourceEntry } from './resources.js';
import type { SkillCatalog, SkillDefinition } from './skill-catalog.js';

/**
 * Add a skill to the catalog and serve each of its files as a resource
 * (`skill://<name>/SKILL.md` as `text/markdown`, named and described by its frontmatter).
 */
export function addSkill(
  catalog: SkillCatalog,
  resources: Registry<ResourceEntry>,
  def: SkillDefinition,
): void {
  for (const file of catalog.add(def)) {
    const { uri, name, description, mimeType, size, text } = file;
    const definition =
      description === undefined ? { name, mimeType } : { name, description, mimeType };
    resources.add(createResourceEntry(uri, { ...definition, size }, () => text));
  }
}
