import type { Meta, Result } from './base.js';

/** A directory or file the server may work in; `uri` is a `file://` URI. */
export interface Root {
  uri: string;
  name?: string;
  _meta?: Meta;
}

export interface ListRootsResult extends Result {
  roots: Root[];
}
