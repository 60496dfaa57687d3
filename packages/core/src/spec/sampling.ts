import type { JSONObject, Meta, RequestParams, Result, Role } from './base.js';
import type { AudioContent, ContentBlock, ImageContent, TextContent } from './content.js';
import type { TaskAugmentedParams } from './tasks.js';
import type { Tool } from './tools.js';

/** The model asks to call a tool. 2025-11-25+ */
export interface ToolUseContent {
  type: 'tool_use';
  /** Matched by `ToolResultContent.toolUseId`. */
  id: string;
  name: string;
  input: { [key: string]: unknown };
  _meta?: Meta;
}

/** The answer to a `tool_use` block. 2025-11-25+ */
export interface ToolResultContent {
  type: 'tool_result';
  toolUseId: string;
  content: ContentBlock[];
  structuredContent?: unknown;
  isError?: boolean;
  _meta?: Meta;
}

/** A block allowed inside a sampling message. */
export type SamplingContent =
  | TextContent
  | ImageContent
  | AudioContent
  | ToolUseContent
  | ToolResultContent;

export interface SamplingMessage {
  role: Role;
  /** An array is allowed from 2025-11-25. */
  content: SamplingContent | SamplingContent[];
  _meta?: Meta;
}

/** A model-name substring; hints are tried in order. */
export interface ModelHint {
  name?: string;
}

/** Advisory model-selection preferences; priorities range 0..1. */
export interface ModelPreferences {
  hints?: ModelHint[];
  costPriority?: number;
  speedPriority?: number;
  intelligencePriority?: number;
}

/** 2025-11-25+ */
export interface ToolChoice {
  /** Default `'auto'`. */
  mode?: 'auto' | 'required' | 'none';
}

/** Values other than `'none'` are soft-deprecated and need `sampling.context`. */
export type IncludeContext = 'none' | 'thisServer' | 'allServers';

/** Standard stop reasons; providers may add their own. */
export type StopReason = 'endTurn' | 'stopSequence' | 'maxTokens' | 'toolUse' | (string & {});

export interface CreateMessageParams extends RequestParams, TaskAugmentedParams {
  messages: SamplingMessage[];
  maxTokens: number;
  modelPreferences?: ModelPreferences;
  systemPrompt?: string;
  includeContext?: IncludeContext;
  temperature?: number;
  stopSequences?: string[];
  /** Passed through to the LLM provider. */
  metadata?: JSONObject;
  /** Requires the client's `sampling.tools` capability. 2025-11-25+ */
  tools?: Tool[];
  /** Requires the client's `sampling.tools` capability. 2025-11-25+ */
  toolChoice?: ToolChoice;
}

export interface CreateMessageResult extends Result {
  role: Role;
  content: SamplingContent | SamplingContent[];
  /** The model that produced the message. */
  model: string;
  stopReason?: StopReason;
}
