import type { Annotations, Meta } from './base.js';
import type { Resource } from './resources.js';

export interface TextContent {
  type: 'text';
  text: string;
  annotations?: Annotations;
  _meta?: Meta;
}

export interface ImageContent {
  type: 'image';
  /** Base64-encoded bytes. */
  data: string;
  mimeType: string;
  annotations?: Annotations;
  _meta?: Meta;
}

export interface AudioContent {
  type: 'audio';
  /** Base64-encoded bytes. */
  data: string;
  mimeType: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** A link to a resource the client may read; it need not appear in `resources/list`. 2025-06-18+ */
export interface ResourceLink extends Resource {
  type: 'resource_link';
}

/** A resource's contents inlined into a result. */
export interface EmbeddedResource {
  type: 'resource';
  resource: TextResourceContents | BlobResourceContents;
  annotations?: Annotations;
  _meta?: Meta;
}

/** A block of content in a tool result or prompt message. */
export type ContentBlock =
  | TextContent
  | ImageContent
  | AudioContent
  | ResourceLink
  | EmbeddedResource;

/** Fields shared by text and blob contents. */
export interface ResourceContents {
  uri: string;
  mimeType?: string;
  _meta?: Meta;
}

export interface TextResourceContents extends ResourceContents {
  text: string;
}

export interface BlobResourceContents extends ResourceContents {
  /** Base64-encoded bytes. */
  blob: string;
}
