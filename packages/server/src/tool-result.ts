import { type CallToolResult, type ContentBlock, validate } from '@mcpkit/core';
import { isContentBlock } from './content.js';
import { isMedia } from './media.js';
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
 */
export async function toCallToolResult(
  value: unknown,
  entry: ToolEntry,
): Promise<CallToolResult | InputRequired> {
  if (isInputRequired(value)) return value;
  if (isToolResult(value)) {
    const result: CallToolResult = { content: value.content ?? [] };
    if (value.structuredContent !== undefined) result.structuredContent = value.structuredContent;
    if (value.isError) result.isError = true;
    if (value.meta) result._meta = value.meta;
    return result;
  }
  if (entry.output) {
    const checked = await validate(entry.output, value);
    if (!checked.ok) {
      throw new Error(
        `Tool ${entry.key} returned a value that does not match its output schema: ${checked.message}`,
      );
    }
    const data = checked.value;
    return {
      content: [{ type: 'text', text: textOf(data) }],
      structuredContent: entry.wrapOutput ? { result: data } : data,
    };
  }
  if (value === undefined || value === null) return { content: [] };
  if (typeof value !== 'object') return { content: [{ type: 'text', text: String(value) }] };
  if (isBlockLike(value)) return { content: [toBlock(value)] };
  if (Array.isArray(value) && value.length > 0 && value.some(isBlockLike)) {
    return { content: value.map(toBlock) };
  }
  return { content: [{ type: 'text', text: textOf(value) }] };
}
