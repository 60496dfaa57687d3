import type { Annotations, AudioContent, EmbeddedResource, ImageContent } from '@mcpkit/core';
import { bytesToBase64 } from './base64.js';
import { isTextMimeType, mimeTypeOf } from './mime.js';

/** Read a file's bytes where the runtime has `node:fs` (Node, Bun, Deno). */
async function readFileBytes(path: string): Promise<Uint8Array> {
  // A computed specifier keeps bundlers for edge runtimes from pulling node:fs in.
  const specifier = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ specifier)) as {
    readFile(path: string): Promise<Uint8Array>;
  };
  return new Uint8Array(await fs.readFile(path));
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * An image for a tool result or prompt message.
 * @example return Image.fromBytes(png, 'image/png');
 */
export class Image {
  private constructor(
    /** base64 bytes */
    readonly data: string,
    readonly mimeType: string,
  ) {}

  static fromBytes(bytes: Uint8Array, mimeType = 'image/png'): Image {
    return new Image(bytesToBase64(bytes), mimeType);
  }

  static fromBase64(data: string, mimeType = 'image/png'): Image {
    return new Image(data, mimeType);
  }

  /** Read an image file (Node, Bun, Deno); the MIME type comes from the extension. */
  static async fromFile(path: string, mimeType?: string): Promise<Image> {
    return Image.fromBytes(await readFileBytes(path), mimeType ?? mimeTypeOf(path) ?? 'image/png');
  }

  toContent(annotations?: Annotations): ImageContent {
    const block: ImageContent = { type: 'image', data: this.data, mimeType: this.mimeType };
    if (annotations) block.annotations = annotations;
    return block;
  }
}

/** Audio for a tool result or prompt message. */
export class Audio {
  private constructor(
    readonly data: string,
    readonly mimeType: string,
  ) {}

  static fromBytes(bytes: Uint8Array, mimeType = 'audio/wav'): Audio {
    return new Audio(bytesToBase64(bytes), mimeType);
  }

  static fromBase64(data: string, mimeType = 'audio/wav'): Audio {
    return new Audio(data, mimeType);
  }

  /** Read an audio file (Node, Bun, Deno); the MIME type comes from the extension. */
  static async fromFile(path: string, mimeType?: string): Promise<Audio> {
    return Audio.fromBytes(await readFileBytes(path), mimeType ?? mimeTypeOf(path) ?? 'audio/wav');
  }

  toContent(annotations?: Annotations): AudioContent {
    const block: AudioContent = { type: 'audio', data: this.data, mimeType: this.mimeType };
    if (annotations) block.annotations = annotations;
    return block;
  }
}

/** Options of the `File` constructors. */
export interface FileOptions {
  /** file name, used in the embedded resource's `file:///` URI (default 'file') */
  name?: string;
  mimeType?: string;
}

/** A file embedded in a tool result as a resource: text for text types, base64 otherwise. */
export class File {
  private constructor(
    readonly name: string,
    readonly mimeType: string,
    private readonly body: { text: string } | { blob: string },
  ) {}

  static fromBytes(bytes: Uint8Array, options: FileOptions = {}): File {
    const name = options.name ?? 'file';
    const mimeType = options.mimeType ?? mimeTypeOf(name) ?? 'application/octet-stream';
    if (isTextMimeType(mimeType)) {
      return new File(name, mimeType, { text: new TextDecoder().decode(bytes) });
    }
    return new File(name, mimeType, { blob: bytesToBase64(bytes) });
  }

  static fromText(text: string, options: FileOptions = {}): File {
    const name = options.name ?? 'file';
    return new File(name, options.mimeType ?? mimeTypeOf(name) ?? 'text/plain', { text });
  }

  /** Read a file (Node, Bun, Deno); name and MIME type come from the path. */
  static async fromFile(path: string, options: FileOptions = {}): Promise<File> {
    return File.fromBytes(await readFileBytes(path), { name: baseName(path), ...options });
  }

  toContent(annotations?: Annotations): EmbeddedResource {
    const block: EmbeddedResource = {
      type: 'resource',
      resource: { uri: `file:///${encodeURI(this.name)}`, mimeType: this.mimeType, ...this.body },
    };
    if (annotations) block.annotations = annotations;
    return block;
  }
}

/** An Image, Audio or File helper value. */
export type Media = Image | Audio | File;

export const isMedia = (value: unknown): value is Media =>
  value instanceof Image || value instanceof Audio || value instanceof File;
