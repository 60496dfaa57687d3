/** Names and URIs of a multi-server client: `weather_forecast`, `file://weather/path`. */
export class Prefixer {
  private readonly names: string[];

  constructor(
    servers: readonly string[],
    private readonly separator: string,
  ) {
    // Longest first, so `a_b` wins over `a` for the name `a_b_tool`.
    this.names = [...servers].sort((a, b) => b.length - a.length);
  }

  /** A single server needs no prefix. */
  get active(): boolean {
    return this.names.length > 1;
  }

  name(server: string, name: string): string {
    return this.active ? `${server}${this.separator}${name}` : name;
  }

  /** `scheme://rest` → `scheme://server/rest`; a URI without `://` keeps its shape. */
  uri(server: string, uri: string): string {
    if (!this.active) return uri;
    const at = uri.indexOf('://');
    return at < 0 ? uri : `${uri.slice(0, at + 3)}${server}/${uri.slice(at + 3)}`;
  }

  /** The server and its own name for a prefixed name. */
  splitName(prefixed: string): [server: string, name: string] | undefined {
    if (!this.active) return this.names[0] === undefined ? undefined : [this.names[0], prefixed];
    const server = this.names.find((s) => prefixed.startsWith(`${s}${this.separator}`));
    return server === undefined
      ? undefined
      : [server, prefixed.slice(server.length + this.separator.length)];
  }

  /** The server and its own URI for a prefixed URI. */
  splitUri(prefixed: string): [server: string, uri: string] | undefined {
    if (!this.active) return this.names[0] === undefined ? undefined : [this.names[0], prefixed];
    const at = prefixed.indexOf('://');
    if (at < 0) return undefined;
    const rest = prefixed.slice(at + 3);
    const server = this.names.find((s) => rest.startsWith(`${s}/`));
    return server === undefined
      ? undefined
      : [server, `${prefixed.slice(0, at + 3)}${rest.slice(server.length + 1)}`];
  }
}
