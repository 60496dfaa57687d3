import type { BaseMetadata, Icon, Meta, PaginatedResult, RequestParams, Result } from './base.js';
import type { ContentBlock } from './content.js';
import type { CacheHints, InputResponseParams } from './stateless.js';
import type { TaskAugmentedParams } from './tasks.js';

/** JSON Schema for a tool's arguments; the root is always an object. 2020-12 unless `$schema` says otherwise. */
export interface ToolInputSchema {
  $schema?: string;
  type: 'object';
  properties?: { [key: string]: JSONSchema };
  required?: string[];
  [keyword: string]: unknown;
}

/** JSON Schema for `structuredContent`: a root object up to 2025-11-25, any schema from 2026-07-28. */
export interface ToolOutputSchema {
  $schema?: string;
  [keyword: string]: unknown;
}

/** Any JSON Schema object; keywords pass through untouched. */
export interface JSONSchema {
  [keyword: string]: unknown;
}

/** Behaviour hints; untrusted unless the server is trusted. */
export interface ToolAnnotations {
  title?: string;
  /** Default false. */
  readOnlyHint?: boolean;
  /** Default true; meaningful only when not read-only. */
  destructiveHint?: boolean;
  /** Default false; meaningful only when not read-only. */
  idempotentHint?: boolean;
  /** Default true. */
  openWorldHint?: boolean;
}

/** 2025-11-25 only. */
export interface ToolExecution {
  /** Whether `tools/call` may or must be task-augmented; default `'forbidden'`. */
  taskSupport?: 'forbidden' | 'optional' | 'required';
}

export interface Tool extends BaseMetadata {
  description?: string;
  /** 2025-11-25+ */
  icons?: Icon[];
  inputSchema: ToolInputSchema;
  /** 2025-06-18+ */
  outputSchema?: ToolOutputSchema;
  /** Display precedence: `title`, then `annotations.title`, then `name`. */
  annotations?: ToolAnnotations;
  /** 2025-11-25 only. */
  execution?: ToolExecution;
  _meta?: Meta;
}

export interface ListToolsResult extends PaginatedResult, CacheHints {
  tools: Tool[];
}

export interface CallToolParams extends RequestParams, TaskAugmentedParams, InputResponseParams {
  name: string;
  arguments?: { [key: string]: unknown };
}

export interface CallToolResult extends Result {
  content: ContentBlock[];
  /** A JSON object up to 2025-11-25, any JSON value from 2026-07-28; conforms to `outputSchema`. */
  structuredContent?: unknown;
  /** True when the tool itself failed; the model reads `content` to self-correct. */
  isError?: boolean;
}
