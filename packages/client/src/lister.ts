import type {
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  Prompt,
  Resource,
  ResourceTemplate,
  Tool,
} from '@mcpkit/core';
import type { CallOptions, ListOptions } from './client-types.js';
import { collectPages } from './paginate.js';
import type { Requester } from './requester.js';
import { hasValidParamHeaders } from './tool-headers.js';

/** The list operations of a client: single pages and auto-paginated lists. */
export abstract class Lister {
  /** tools seen in any listing, by name */
  protected readonly toolDefs = new Map<string, Tool>();

  constructor(
    protected readonly requester: Requester,
    private readonly maxPages: number,
  ) {}

  async listToolsPage(cursor?: string, options?: CallOptions): Promise<ListToolsResult> {
    const result = await this.page<ListToolsResult>('tools/list', cursor, options);
    const tools = (result.tools ?? []).filter(hasValidParamHeaders);
    // Output schemas tell callTool which results carry a wrapped non-object value.
    for (const tool of tools) this.toolDefs.set(tool.name, tool);
    return tools.length === result.tools?.length ? result : { ...result, tools };
  }
  listTools(options?: ListOptions): Promise<Tool[]> {
    return this.all(
      'tools/list',
      options,
      (c, o) => this.listToolsPage(c, o),
      (r) => r.tools,
    );
  }
  listResourcesPage(cursor?: string, options?: CallOptions): Promise<ListResourcesResult> {
    return this.page('resources/list', cursor, options);
  }
  listResources(options?: ListOptions): Promise<Resource[]> {
    return this.all(
      'resources/list',
      options,
      (c, o) => this.listResourcesPage(c, o),
      (r) => r.resources,
    );
  }
  listResourceTemplatesPage(
    cursor?: string,
    options?: CallOptions,
  ): Promise<ListResourceTemplatesResult> {
    return this.page('resources/templates/list', cursor, options);
  }
  listResourceTemplates(options?: ListOptions): Promise<ResourceTemplate[]> {
    const fetch = (c: string | undefined, o: CallOptions) => this.listResourceTemplatesPage(c, o);
    return this.all('resources/templates/list', options, fetch, (r) => r.resourceTemplates);
  }
  listPromptsPage(cursor?: string, options?: CallOptions): Promise<ListPromptsResult> {
    return this.page('prompts/list', cursor, options);
  }
  listPrompts(options?: ListOptions): Promise<Prompt[]> {
    return this.all(
      'prompts/list',
      options,
      (c, o) => this.listPromptsPage(c, o),
      (r) => r.prompts,
    );
  }

  private async page<R>(
    method: string,
    cursor: string | undefined,
    options?: CallOptions,
  ): Promise<R> {
    const params = cursor === undefined ? undefined : { cursor };
    return (await this.requester.request(method, params, options)) as unknown as R;
  }

  private all<R extends { nextCursor?: string }, T>(
    method: string,
    options: ListOptions = {},
    fetch: (cursor: string | undefined, options: CallOptions) => Promise<R>,
    items: (page: R) => T[] | undefined,
  ): Promise<T[]> {
    const { maxPages = this.maxPages, ...callOptions } = options;
    return collectPages(method, (cursor) => fetch(cursor, callOptions), items, maxPages);
  }
}
