import type {
  BlobResourceContents,
  ContentBlock,
  EmbeddedResource,
  PromptMessage,
  Resource,
  ResourceLink,
  Role,
  TextResourceContents,
} from '@mcpkit/core';
import { isMedia, type Media } from './media.js';

/** True for a value shaped like one MCP content block. */
export function isContentBlock(value: unknown): value is ContentBlock {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case 'text':
      return typeof v.text === 'string';
    case 'image':
    case 'audio':
      return typeof v.data === 'string' && typeof v.mimeType === 'string';
    case 'resource':
      return typeof v.resource === 'object' && v.resource !== null;
    case 'resource_link':
      return typeof v.uri === 'string' && typeof v.name === 'string';
    default:
      return false;
  }
}

/** Content a helper accepts: text, a block, or an Image/Audio/File. */
export type ContentLike = string | ContentBlock | Media;

/** One content block from text, a block, or a media helper. */
export function toContentBlock(value: ContentLike): ContentBlock {
  if (typeof value === 'string') return { type: 'text', text: value };
  if (isMedia(value)) return value.toContent();
  return value;
}

/**
 * A link to a resource, for tool results.
 * @example return [text('Found it'), resourceLink({ uri: 'file:///a.txt', name: 'a.txt' })];
 */
export function resourceLink(resource: Resource): ResourceLink {
  return { type: 'resource_link', ...resource };
}

/** A resource's contents inlined into a tool result or prompt message. */
export function embeddedResource(
  contents: TextResourceContents | BlobResourceContents,
): EmbeddedResource {
  return { type: 'resource', resource: contents };
}

/** A text block. */
export const text = (value: string): ContentBlock => ({ type: 'text', text: value });

const message = (role: Role, content: ContentLike): PromptMessage => ({
  role,
  content: toContentBlock(content),
});

/**
 * A user message for a prompt result.
 * @example return [user('Review this code'), assistant('Sure, paste it')];
 */
export const user = (content: ContentLike): PromptMessage => message('user', content);

/** An assistant message for a prompt result. */
export const assistant = (content: ContentLike): PromptMessage => message('assistant', content);
