import type { ElicitRequestParams, ElicitResult, ElicitValue } from '@mcpkit/core';

/**
 * SEP-1034: when the user accepts a form, fields they left out take the
 * schema's `default`. URL mode and non-accept answers pass through untouched.
 */
export function applyElicitationDefaults(
  params: ElicitRequestParams,
  result: ElicitResult,
): ElicitResult {
  if (result.action !== 'accept' || params.mode === 'url') return result;
  const properties = params.requestedSchema?.properties;
  if (!properties) return result;
  let content = result.content;
  for (const [key, schema] of Object.entries(properties)) {
    const fallback = (schema as { default?: ElicitValue }).default;
    if (fallback === undefined || content?.[key] !== undefined) continue;
    // Copy on first write: the handler's object stays as it returned it.
    if (content === result.content) content = { ...result.content };
    (content as Record<string, ElicitValue>)[key] = fallback;
  }
  return content === result.content ? result : { ...result, content };
}
