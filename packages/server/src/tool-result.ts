import type { CallToolResult, ContentBlock, ValidationResult } from '@mcpkit/core';
import { isContentBlock } from './content.js';
import { isMedia } from './media.js';
import { isThenable, quickValidate } from './quick-validate.js';
import { type InputRequired, isInputRequired, isToolResult } from './results.js';
import type { ToolEntry } from './tools.js';

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));

const isBlockLike = (value: unknown): boolean => isContentBlock(value) || isMedia(value);

function toBlock(value: unknown): ContentBlock {
  if (isMedia(value)) return value.toContent();
  if (isContentBlock(value)) return value;
  return { type: 'text', text: textOf(value) };
}

/**
 * Turn what a tool handler returned into a CallToolResult. With an output schema the value is
 * validated and sent as `structuredContent` (wrapped as `{ result }` for non-objects) plus its JSON
 * text; otherwise strings, numbers, booleans, content blocks, media and JSON data are converted.
 * Synchronous unless an output schema validates asynchronously (no promise on the hot path).
 */
export function toCallToolResult(
  value: unknown,
  entry: ToolEntry,
): CallToolResult | InputRequired | Promise<CallToolResult | InputRequired> {
  if (isInputRequired(value)) return value;
  if (isToolResult(value)) {
    const result: CallToolResult = { content: value.content ?? [] };
    if (value.structuredContent !== undefined) result.structuredContent = value.structuredContent;
    if (value.isError) result.isError = true;
    if (value.meta) result._meta = value.meta;
    return result;
  }
  if (entry.output) {
    const checked = quickValidate(entry.output, value);
    return isThenable(checked)
      ? checked.then((done) => structured(done, entry))
      : structured(checked, entry);
  }
  if (value === undefined || value === null) return { content: [] };
  if (typeof value !== 'object') return { content: [{ type: 'text', text: String(value) }] };
  if (isBlockLike(value)) return { content: [toBlock(value)] };
  if (Array.isArray(value) && value.length > 0 && value.some(isBlockLike)) {
    return { content: value.map(toBlock) };
  }
  return { content: [{ type: 'text', text: textOf(value) }] };
}

function structured(checked: ValidationResult<unknown>, entry: ToolEntry): CallToolResult {
  if (!checked.ok) {
    throw new Error(
      `Tool ${entry.key} returned a value that does not match its output schema: ${checked.message}`,
    );
  }
  const data = checked.value;
  return {
    content: [{ type: 'text', text: textOf(data) }],
    structuredContent: (entry.wrapOutput
      ? { result: data }
      : data) as CallToolResult['structuredContent'],
  };
}
