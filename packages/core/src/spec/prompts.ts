import type {
  BaseMetadata,
  Icon,
  Meta,
  PaginatedResult,
  RequestParams,
  Result,
  Role,
} from './base.js';
import type { ContentBlock } from './content.js';
import type { CacheHints, InputResponseParams } from './stateless.js';

export interface PromptArgument extends BaseMetadata {
  description?: string;
  required?: boolean;
}

/** A prompt or prompt template the server offers. */
export interface Prompt extends BaseMetadata {
  description?: string;
  arguments?: PromptArgument[];
  /** 2025-11-25+ */
  icons?: Icon[];
  _meta?: Meta;
}

/** One message of a prompt; one content block per message. */
export interface PromptMessage {
  role: Role;
  content: ContentBlock;
}

export interface ListPromptsResult extends PaginatedResult, CacheHints {
  prompts: Prompt[];
}

export interface GetPromptParams extends RequestParams, InputResponseParams {
  name: string;
  arguments?: { [key: string]: string };
}

export interface GetPromptResult extends Result {
  description?: string;
  messages: PromptMessage[];
}
