import { Pool } from 'undici';
import {
  ENVELOPE,
  HANDSHAKE_VERSION,
  INITIALIZE_PARAMS,
  type RpcClient,
  RpcError,
  STATELESS_VERSION,
} from './rpc.js';

/**
 * How the driver speaks Streamable HTTP:
 * - `stateful`: initialize, then every call carries `Mcp-Session-Id` and `MCP-Protocol-Version`;
 * - `stateless`: handshake-era calls with no session (the server runs sessionless);
 * - `2026`: the 2026-07-28 wire: the `_meta` envelope in every request, plus the
 *   `MCP-Protocol-Version`, `Mcp-Method` and `Mcp-Name` headers.
 */
export type HttpWire = 'stateful' | 'stateless' | '2026';

type JsonRpcAnswer = { id?: number; result?: unknown; error?: { code?: number; message?: string } };

const BASE_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

/** The JSON-RPC answer with `id` in a JSON or event-stream body. */
function answerIn(body: string, contentType: string | undefined, id: number): JsonRpcAnswer {
  if (!contentType?.startsWith('text/event-stream')) return JSON.parse(body) as JsonRpcAnswer;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trim();
    if (data === '') continue; // priming events
    const message = JSON.parse(data) as JsonRpcAnswer;
    if (message.id === id) return message;
  }
  throw new Error(`no answer for request ${id} in the event stream`);
}

/** Raw JSON-RPC over Streamable HTTP with an undici Pool on loopback (keep-alive connections). */
export class HttpRpc implements RpcClient {
  private nextId = 1;
  private headers: Record<string, string>;

  constructor(
    private readonly pool: Pool,
    private readonly path: string,
    private readonly wire: HttpWire,
  ) {
    this.headers =
      wire === 'stateful'
        ? { ...BASE_HEADERS }
        : {
            ...BASE_HEADERS,
            'mcp-protocol-version': wire === '2026' ? STATELESS_VERSION : HANDSHAKE_VERSION,
          };
  }

  /** A pool of up to `connections` keep-alive connections to `origin`. */
  static pool(origin: string, connections: number): Pool {
    return new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  }

  /**
   * Open a handshake-era session: initialize, then notifications/initialized. Returns the
   * session id (undefined when the server keeps no sessions). In `stateful` mode the first
   * call makes this client use the session.
   */
  async openSession(): Promise<string | undefined> {
    const id = this.nextId++;
    const init = await this.post(
      { jsonrpc: '2.0', id, method: 'initialize', params: INITIALIZE_PARAMS },
      { ...BASE_HEADERS },
      id,
    );
    const session = init.sessionId;
    const headers: Record<string, string> = {
      ...BASE_HEADERS,
      'mcp-protocol-version': HANDSHAKE_VERSION,
    };
    if (session !== undefined) headers['mcp-session-id'] = session;
    await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers, undefined);
    if (this.wire === 'stateful') this.headers = headers;
    return session;
  }

  callTool(name: string, args: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    if (this.wire !== '2026') {
      const message = {
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name, arguments: args },
      };
      return this.post(message, this.headers, id).then((r) => r.result);
    }
    const params = { name, arguments: args, _meta: ENVELOPE };
    const headers = { ...this.headers, 'mcp-method': 'tools/call', 'mcp-name': name };
    return this.post({ jsonrpc: '2.0', id, method: 'tools/call', params }, headers, id).then(
      (r) => r.result,
    );
  }

  async close(): Promise<void> {}

  private async post(
    message: unknown,
    headers: Record<string, string>,
    id: number | undefined,
  ): Promise<{ result: unknown; sessionId: string | undefined }> {
    const res = await this.pool.request({
      path: this.path,
      method: 'POST',
      headers,
      body: JSON.stringify(message),
    });
    const body = await res.body.text();
    const sessionHeader = res.headers['mcp-session-id'];
    const sessionId = typeof sessionHeader === 'string' ? sessionHeader : undefined;
    if (id === undefined) {
      if (res.statusCode !== 202 && res.statusCode !== 200) {
        throw new Error(`HTTP ${res.statusCode} for a notification: ${body.slice(0, 200)}`);
      }
      return { result: undefined, sessionId };
    }
    const contentType = res.headers['content-type'];
    if (res.statusCode !== 200) {
      throw new Error(`HTTP ${res.statusCode}: ${body.slice(0, 300)}`);
    }
    const answer = answerIn(body, typeof contentType === 'string' ? contentType : undefined, id);
    if (answer.error) throw new RpcError(answer.error);
    return { result: answer.result, sessionId };
  }
}
