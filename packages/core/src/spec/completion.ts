import type { RequestParams, Result } from './base.js';

/** Completes an argument of a prompt. */
export interface PromptReference {
  type: 'ref/prompt';
  name: string;
  title?: string;
}

/** Completes a variable of a resource template; `uri` is the template. */
export interface ResourceTemplateReference {
  type: 'ref/resource';
  uri: string;
}

export interface CompleteParams extends RequestParams {
  ref: PromptReference | ResourceTemplateReference;
  argument: {
    name: string;
    /** The partial value typed so far. */
    value: string;
  };
  /** 2025-06-18+ */
  context?: {
    /** Arguments or variables already resolved. */
    arguments?: { [key: string]: string };
  };
}

export interface CompleteResult extends Result {
  completion: {
    /** At most 100 values. */
    values: string[];
    /** Total number of matches, which may exceed `values.length`. */
    total?: number;
    hasMore?: boolean;
  };
}
