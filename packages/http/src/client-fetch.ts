/** The slice of `fetch` the client transport uses (override it in tests or runtimes). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchHandle {
  fetch: FetchLike;
  close(): Promise<void>;
}

/**
 * undici's fetch on an Agent without body/headers timeouts, so long tool calls and
 * idle event streams are not cut. Imported lazily: the root module graph stays
 * free of node:* so the web handler runs anywhere.
 */
export async function createUndiciFetch(): Promise<FetchHandle> {
  const { Agent, fetch } = await import('undici');
  const agent = new Agent({ bodyTimeout: 0, headersTimeout: 0 });
  return {
    fetch: (url, init) =>
      fetch(url, {
        ...(init as Record<string, unknown>),
        dispatcher: agent,
      }) as unknown as Promise<Response>,
    close: () => agent.destroy(),
  };
}
