// Runs the pair: starts the server as a child process, runs the client against it, stops the server.
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
const node = [process.execPath, '--conditions=@mcpkit/source', '--import', 'tsx'];
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const run = (file: string, env: NodeJS.ProcessEnv = {}) =>
  spawn(node[0]!, [...node.slice(1), here(file)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });

function waitForPort(child: ChildProcess, deadline = Date.now() + 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null)
        return reject(new Error(`server exited with code ${child.exitCode}`));
      const socket = connect({ host, port }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        if (Date.now() > deadline)
          reject(new Error(`server did not listen on ${host}:${port} within 15 s`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

const server = run('./server.ts', { HOST: host, PORT: String(port) });
let code = 1;
try {
  await waitForPort(server);
  const client = run('./client.ts', { MCP_URL: `http://${host}:${port}/mcp` });
  code = await new Promise<number>((resolve) => client.on('exit', (c) => resolve(c ?? 1)));
} catch (error) {
  console.error((error as Error).message);
} finally {
  server.kill('SIGTERM');
}
process.exitCode = code;
