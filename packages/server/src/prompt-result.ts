import type { GetPromptResult, PromptMessage } from '@mcpkit/core';
import { type ContentLike, toContentBlock } from './content.js';
import { type InputRequired, isInputRequired } from './results.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function toMessage(value: unknown): PromptMessage {
  if (typeof value === 'string') return { role: 'user', content: { type: 'text', text: value } };
  if (
    isObject(value) &&
    (value.role === 'user' || value.role === 'assistant') &&
    'content' in value
  ) {
    return { role: value.role, content: toContentBlock(value.content as ContentLike) };
  }
  throw new TypeError(
    'A prompt must return a string, a message { role, content }, a list of them, or { messages }',
  );
}

/** Turn what a prompt handler returned into a GetPromptResult. */
export function toPromptResult(
  value: unknown,
  description: string | undefined,
): GetPromptResult | InputRequired {
  if (isInputRequired(value)) return value;
  let result: GetPromptResult;
  if (isObject(value) && Array.isArray(value.messages)) {
    result = { ...(value as unknown as GetPromptResult), messages: value.messages.map(toMessage) };
  } else if (Array.isArray(value)) {
    result = { messages: value.map(toMessage) };
  } else {
    result = { messages: [toMessage(value)] };
  }
  if (result.description === undefined && description !== undefined)
    result.description = description;
  return result;
}
