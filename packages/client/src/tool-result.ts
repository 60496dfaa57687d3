import type { CallToolResult, ContentBlock, Tool } from '@mcpkit/core';

/** A tool call that succeeded; `data` is the tool's output. */
export interface ToolCallSuccess<T = unknown> {
  content: ContentBlock[];
  structuredContent: unknown;
  isError: false;
  _meta: Record<string, unknown> | undefined;
  /** `structuredContent`, else the single text block parsed as JSON (or the text itself) */
  data: T;
}

/** A tool call whose tool reported an error (`isError: true`): the model reads `content`. */
export interface ToolCallFailure {
  content: ContentBlock[];
  structuredContent: unknown;
  isError: true;
  _meta: Record<string, unknown> | undefined;
  data: undefined;
}

/** What `callTool` resolves to; narrow on `isError`. */
export type ToolCallResult<T = unknown> = ToolCallSuccess<T> | ToolCallFailure;

/** Thrown by `callTool(..., { throwOnError: true })` when the tool reports an error. */
export class ToolCallError extends Error {
  override name = 'ToolCallError';
  constructor(
    readonly toolName: string,
    readonly result: ToolCallFailure,
  ) {
    super(`Tool ${toolName} failed: ${textOf(result.content) || 'no details'}`);
  }
}

/** Shape a wire result for the app: defaults filled, `data` derived (unwrapped from `{ result }` if told). */
export function toToolCallResult(raw: CallToolResult, wrapped = false): ToolCallResult {
  const content = Array.isArray(raw.content) ? raw.content : [];
  const base = { content, structuredContent: raw.structuredContent, _meta: raw._meta };
  if (raw.isError === true) return { ...base, isError: true, data: undefined };
  const structured = wrapped
    ? (raw.structuredContent as { result: unknown }).result
    : raw.structuredContent;
  return { ...base, isError: false, data: dataOf(structured, content) };
}

function dataOf(structured: unknown, content: ContentBlock[]): unknown {
  if (structured !== undefined) return structured;
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type !== 'text') return undefined;
  // Servers without an output schema often send JSON as text; plain text stays text.
  try {
    return JSON.parse(only.text);
  } catch {
    return only.text;
  }
}

const textOf = (content: ContentBlock[]): string =>
  content
    .map((block) => (block.type === 'text' ? block.text : ''))
    .filter(Boolean)
    .join('\n');

/** Output-schema markers of a non-object output sent as `{ result }`: mcpkit's and FastMCP's. */
const WRAP_KEYS = ['x-mcpkit-wrap-result', 'x-fastmcp-wrap-result'];

/** Does this tool declare its structured output as a wrapped `{ result }`? */
export const declaresWrappedResult = (tool: Tool | undefined): boolean =>
  WRAP_KEYS.some((key) => tool?.outputSchema?.[key] === true);

/** Could this structuredContent be a wrapped value? (Only the output schema can say for sure.) */
export const looksWrapped = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  'result' in value;
