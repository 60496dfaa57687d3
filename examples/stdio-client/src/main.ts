import { fileURLToPath } from 'node:url';
import { createClient } from '@mcpkit/client';
import type { server } from './server.js';

// A script path starts a child process: `.ts` runs as `node --import tsx <path>`, `.js` as
// `node <path>`. `import type` above keeps the server's code out of this process.
const script = fileURLToPath(new URL('./server.ts', import.meta.url));
const client = await createClient<typeof server>({ command: script });

console.log(`era: ${client.era}`);
console.log(`add(2, 3) = ${await client.tools.add({ a: 2, b: 3 })}`);

const { pid } = await client.tools.whoami();
console.log(`server runs in another process: ${pid !== process.pid}`);

await client.close(); // ends the child's stdin; it exits (SIGTERM, then SIGKILL, if it lingers)
console.log(`server process still running after close: ${isRunning(pid)}`);

function isRunning(id: number): boolean {
  try {
    process.kill(id, 0); // signal 0: only checks that the process exists
    return true;
  } catch {
    return false;
  }
}
