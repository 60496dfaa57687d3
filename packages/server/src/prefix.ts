/**
 * How a mount renames what it shows: tools and prompts `prefix_name`, resources and templates
 * `scheme://prefix/rest` (the convention of FastMCP and of mcpkit's multi-server client). URIs
 * without `://` keep their shape. Without a prefix nothing changes.
 */
export interface Prefix {
  name(name: string): string;
  uri(uri: string): string;
  /** the mounted server's URI for a parent's URI, or undefined when it is not under the prefix */
  innerUri(uri: string): string | undefined;
}

const IDENTITY: Prefix = { name: (n) => n, uri: (u) => u, innerUri: (u) => u };

/** The renaming for `prefix` (identity when undefined or empty). */
export function createPrefix(prefix: string | undefined): Prefix {
  if (!prefix) return IDENTITY;
  const segment = `${prefix}/`;
  return {
    name: (name) => `${prefix}_${name}`,
    uri: (uri) => {
      const at = uri.indexOf('://');
      return at < 0 ? uri : `${uri.slice(0, at + 3)}${segment}${uri.slice(at + 3)}`;
    },
    innerUri: (uri) => {
      const at = uri.indexOf('://');
      if (at < 0) return uri;
      const rest = uri.slice(at + 3);
      return rest.startsWith(segment)
        ? `${uri.slice(0, at + 3)}${rest.slice(segment.length)}`
        : undefined;
    },
  };
}
