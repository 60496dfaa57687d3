// Loaded into every server child with `--import`: answers the driver's questions on fd 3, a
// side channel, so stdout stays the server's own (protocol) and the server code is untouched.
// Commands, one per line: `stats`, `gc` (collect garbage first; needs --expose-gc), `exit`.
// Each answer is one JSON line: CPU time, memory, peak RSS of this process.
import { Socket } from 'node:net';

let channel;
try {
  channel = new Socket({ fd: 3, readable: true, writable: true });
} catch {
  // Started without the side channel (e.g. by hand): the probe stays silent.
}

const stats = () => {
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return {
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    heapTotal: mem.heapTotal,
    external: mem.external,
    arrayBuffers: mem.arrayBuffers,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
};

async function collect() {
  if (typeof globalThis.gc !== 'function') throw new Error('run the server with --expose-gc');
  // A few rounds with turns of the event loop in between: finalizers and weak callbacks
  // run after a collection and free more on the next one.
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let buffered = '';
// Never keep the server alive: it must exit (or be killed) exactly as it would without us.
channel?.unref();
channel?.setEncoding('utf8');
channel?.on('data', async (chunk) => {
  buffered += chunk;
  let nl = buffered.indexOf('\n');
  while (nl !== -1) {
    const command = buffered.slice(0, nl).trim();
    buffered = buffered.slice(nl + 1);
    try {
      if (command === 'exit') process.exit(0); // lets --cpu-prof write its profile
      if (command === 'gc') await collect();
      else if (command !== 'stats') throw new Error(`unknown probe command ${command}`);
      channel.write(`${JSON.stringify({ ok: true, ...stats() })}\n`);
    } catch (error) {
      channel.write(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
    }
    nl = buffered.indexOf('\n');
  }
});
