import { connect } from 'node:net';
import type { Pool } from 'undici';
import type { Cell } from './cells.js';
import { echoCall } from './phases.js';
import type { RpcClient } from './rpc.js';
import { HttpRpc, type HttpWire } from './rpc-http.js';
import { StdioRpc } from './rpc-stdio.js';
import { freePort, ServerProcess } from './server-process.js';
import { MCP_PATH } from './servers/workload.js';

const wireOf = (cell: Cell): HttpWire | undefined =>
  cell.transport === 'http-stateful'
    ? 'stateful'
    : cell.transport === 'http-stateless'
      ? 'stateless'
      : cell.transport === 'http-2026'
        ? '2026'
        : undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until the port accepts a connection (1 ms apart, at most 15 s). */
async function waitListening(server: ServerProcess): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.stderr}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(1);
  }
  throw new Error(`server did not listen within 15 s: ${server.stderr}`);
}

export interface Connected {
  server: ServerProcess;
  clients: RpcClient[];
  pool?: Pool;
  /** ms from spawn to the first answer */
  firstAnswerMs: number;
}

/** Spawn the server (with `nodeFlags`) and make the first exchange: initialize (stdio, sessions) or a call. */
export async function start(
  cell: Cell,
  connections: number,
  nodeFlags: string[] = [],
): Promise<Connected> {
  const wire = wireOf(cell);
  const port = wire ? await freePort() : 0;
  const server = new ServerProcess(cell.server, cell.transport, port, nodeFlags);
  try {
    if (!wire) {
      const rpc = new StdioRpc(server.stdin, server.stdout);
      await rpc.initialize();
      return { server, clients: [rpc], firstAnswerMs: performance.now() - server.startedAt };
    }
    await waitListening(server);
    const pool = HttpRpc.pool(`http://127.0.0.1:${port}`, connections);
    const rpc = new HttpRpc(pool, MCP_PATH, wire);
    if (wire === 'stateful') await rpc.openSession();
    else await echoCall(rpc, 0);
    return { server, clients: [rpc], pool, firstAnswerMs: performance.now() - server.startedAt };
  } catch (error) {
    await server.kill();
    throw new Error(
      `${(error as Error).message}${server.stderr ? `; stderr: ${server.stderr}` : ''}`,
    );
  }
}

export async function stop(connected: Connected): Promise<void> {
  for (const client of connected.clients) await client.close();
  await connected.pool?.destroy();
  await connected.server.kill();
}
