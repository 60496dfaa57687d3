import type {
  BlobResourceContents,
  ContentBlock,
  InputRequests,
  TextResourceContents,
} from '@mcpkit/core';

const TOOL_RESULT: unique symbol = Symbol.for('mcpkit.toolResult');
const INPUT_REQUIRED: unique symbol = Symbol.for('mcpkit.inputRequired');
const RESOURCE_RESULT: unique symbol = Symbol.for('mcpkit.resourceResult');

/** Fields of an explicit tool result. */
export interface ToolResultInit {
  content?: ContentBlock[];
  structuredContent?: unknown;
  meta?: Record<string, unknown>;
  isError?: boolean;
}

/** A tool result built by {@link toolResult}: sent as given, no conversion. */
export interface ToolResult extends ToolResultInit {
  readonly [TOOL_RESULT]: true;
}

/**
 * An explicit tool result, for full control over `content`, `structuredContent`, `_meta`, `isError`.
 * @example return toolResult({ content: [{ type: 'text', text: 'done' }], meta: { took: 3 } });
 */
export function toolResult(init: ToolResultInit): ToolResult {
  return { ...init, [TOOL_RESULT]: true };
}

export const isToolResult = (value: unknown): value is ToolResult =>
  typeof value === 'object' && value !== null && TOOL_RESULT in value;

/** Fields of a low-level input-required answer (stateless era MRTR). */
export interface InputRequiredInit {
  inputRequests?: InputRequests;
  /** your own state for the next round; mcpkit seals it and hands it back as `ctx.requestState` */
  requestState?: string;
}

/** A handler's request for client input, built by {@link inputRequired}. */
export interface InputRequired extends InputRequiredInit {
  readonly [INPUT_REQUIRED]: true;
}

/**
 * Answer a tools/call, prompts/get or resources/read with a request for input (MRTR), choosing the
 * keys yourself. The retried call sees the answers in `ctx.inputResponses` and your state in
 * `ctx.requestState`. In the handshake era mcpkit asks the client itself and calls you again.
 * @example
 * if (!ctx.inputResponses.user_name) {
 *   return inputRequired({ inputRequests: { user_name: { method: 'elicitation/create', params } } });
 * }
 */
export function inputRequired(init: InputRequiredInit): InputRequired {
  return { ...init, [INPUT_REQUIRED]: true };
}

export const isInputRequired = (value: unknown): value is InputRequired =>
  typeof value === 'object' && value !== null && INPUT_REQUIRED in value;

/** A resource read result built by {@link resourceResult}: several contents, sent as given. */
export interface ResourceResult {
  readonly contents: (TextResourceContents | BlobResourceContents)[];
  readonly [RESOURCE_RESULT]: true;
}

/**
 * Answer resources/read with explicit contents (e.g. several items for a directory).
 * @example return resourceResult([{ uri, mimeType: 'text/plain', text: 'a' }]);
 */
export function resourceResult(
  contents: (TextResourceContents | BlobResourceContents)[],
): ResourceResult {
  return { contents, [RESOURCE_RESULT]: true };
}

export const isResourceResult = (value: unknown): value is ResourceResult =>
  typeof value === 'object' && value !== null && RESOURCE_RESULT in value;
