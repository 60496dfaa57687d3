import type {
  Annotations,
  BaseMetadata,
  Icon,
  Meta,
  PaginatedResult,
  RequestParams,
  Result,
} from './base.js';
import type { BlobResourceContents, TextResourceContents } from './content.js';
import type { CacheHints, InputResponseParams } from './stateless.js';

/** A resource the server can read. */
export interface Resource extends BaseMetadata {
  uri: string;
  description?: string;
  mimeType?: string;
  annotations?: Annotations;
  /** Raw size in bytes, before base64 encoding. */
  size?: number;
  /** 2025-11-25+ */
  icons?: Icon[];
  _meta?: Meta;
}

/** A family of resources addressed by an RFC 6570 URI template. */
export interface ResourceTemplate extends BaseMetadata {
  uriTemplate: string;
  description?: string;
  /** Set only when every matching resource has this type. */
  mimeType?: string;
  annotations?: Annotations;
  /** 2025-11-25+ */
  icons?: Icon[];
  _meta?: Meta;
}

export interface ListResourcesResult extends PaginatedResult, CacheHints {
  resources: Resource[];
}

export interface ListResourceTemplatesResult extends PaginatedResult, CacheHints {
  resourceTemplates: ResourceTemplate[];
}

export interface ReadResourceParams extends RequestParams, InputResponseParams {
  uri: string;
}

export interface ReadResourceResult extends Result, CacheHints {
  /** Several items are allowed, e.g. for a directory. */
  contents: (TextResourceContents | BlobResourceContents)[];
}

/** Handshake era only; 2026-07-28 uses `subscriptions/listen`. */
export interface SubscribeParams extends RequestParams {
  uri: string;
}

/** Handshake era only. */
export interface UnsubscribeParams extends RequestParams {
  uri: string;
}
