import type { CallToolResult, ContentBlock, Tool } from '@mcpkit/core';

/** A tool call that succeeded; `data` is the tool's output. */
export interface ToolCallSuccess<T = unknown> {
  readonly content: ContentBlock[];
  readonly structuredContent: unknown;
  readonly isError: false;
  /** the result's `_meta`, without the protocol's own `io.modelcontextprotocol/*` keys */
  readonly _meta: Record<string, unknown> | undefined;
  /** `structuredContent`, else the single text block parsed as JSON (or the text itself) */
  readonly data: T;
  /** every text block, joined with newlines ('' when there is none) */
  readonly text: string;
}

/** A tool call whose tool reported an error (`isError: true`): the model reads `content`. */
export interface ToolCallFailure {
  readonly content: ContentBlock[];
  readonly structuredContent: unknown;
  readonly isError: true;
  readonly _meta: Record<string, unknown> | undefined;
  readonly data: undefined;
  readonly text: string;
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
  const result = Object.create(RESULT_PROTO) as { -readonly [K in keyof ToolCallSuccess]: unknown };
  const content = Array.isArray(raw.content) ? raw.content : [];
  result.content = content;
  result.structuredContent = raw.structuredContent;
  result.isError = raw.isError === true;
  result._meta = appMeta(raw._meta);
  if (raw.isError === true) result.data = undefined;
  else {
    const structured = wrapped
      ? (raw.structuredContent as { result: unknown } | undefined)?.result
      : raw.structuredContent;
    result.data = structured !== undefined ? structured : dataOfText(content);
  }
  return result as ToolCallResult;
}

/** `text` lives on a shared prototype: no per-result closure, and it stays out of equality checks. */
const RESULT_PROTO = Object.freeze(
  Object.defineProperty({}, 'text', {
    get(this: { content: ContentBlock[] }) {
      return textOf(this.content);
    },
  }),
);

function dataOfText(content: ContentBlock[]): unknown {
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type !== 'text') return undefined;
  // Servers without an output schema often send JSON as text; plain text stays text.
  // The cheap look first: a thrown SyntaxError per plain-text result was the client's
  // largest per-call cost.
  if (!JSON_START.test(only.text)) return only.text;
  try {
    return JSON.parse(only.text);
  } catch {
    return only.text;
  }
}

const JSON_START = /^\s*(?:[[{"\d-]|true\s*$|false\s*$|null\s*$)/;

/** Protocol bookkeeping (serverInfo and the like) is not the tool's output: drop it. */
function appMeta(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!meta) return undefined;
  let out: Record<string, unknown> | undefined;
  for (const key in meta) {
    if (key.startsWith('io.modelcontextprotocol/')) continue;
    out ??= {};
    out[key] = meta[key];
  }
  return out;
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
