import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Duplex, Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { programPath, type ServerProgram } from './build.js';
import type { ServerTransport } from './servers/workload.js';

const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));

/** What the probe inside a server child reports (see probe.mjs). */
export interface ProbeStats {
  cpuUserUs: number;
  cpuSystemUs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  maxRssKiB: number;
}

/** A free loopback port (the kernel's pick; closed again before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * One server under test in a child process: `node --expose-gc --import probe.mjs <bundle>
 * <transport> <port>`. Its stdin/stdout are the stdio transport, fd 3 is the probe's side
 * channel, stderr is kept (last lines) for error messages. Killed by its pid.
 */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly startedAt: number;
  private stderrTail = '';
  private probeBuffer = '';
  private probeWaiter: ((line: string) => void) | undefined;
  private exited: Promise<void>;

  constructor(
    program: ServerProgram,
    transport: ServerTransport,
    readonly port: number,
    /** extra node flags, e.g. `--cpu-prof` (profile.ts) */
    nodeFlags: string[] = [],
  ) {
    this.startedAt = performance.now();
    this.child = spawn(
      process.execPath,
      [
        ...nodeFlags,
        '--expose-gc',
        '--import',
        PROBE,
        programPath(program),
        transport,
        String(port),
      ],
      { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2000);
    });
    const side = this.child.stdio[3] as Duplex;
    side.setEncoding('utf8');
    side.on('data', (chunk: string) => {
      this.probeBuffer += chunk;
      const nl = this.probeBuffer.indexOf('\n');
      if (nl === -1) return;
      const line = this.probeBuffer.slice(0, nl);
      this.probeBuffer = this.probeBuffer.slice(nl + 1);
      const waiter = this.probeWaiter;
      this.probeWaiter = undefined;
      waiter?.(line);
    });
  }

  get stdin(): Writable {
    return this.child.stdin as Writable;
  }
  get stdout(): Readable {
    return this.child.stdout as Readable;
  }
  get stderr(): string {
    return this.stderrTail.trim();
  }

  /** CPU and memory of the server process, optionally after a full garbage collection. */
  probe(command: 'stats' | 'gc' = 'stats'): Promise<ProbeStats> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`probe timed out; ${this.stderr}`)), 30_000);
      this.probeWaiter = (line) => {
        clearTimeout(timer);
        const answer = JSON.parse(line) as { ok: boolean; error?: string } & ProbeStats;
        if (answer.ok) resolve(answer);
        else reject(new Error(answer.error));
      };
      (this.child.stdio[3] as Duplex).write(`${command}\n`);
    });
  }

  /** Ask the server to exit by itself (so a --cpu-prof profile gets written), within 10 s. */
  async exit(): Promise<void> {
    (this.child.stdio[3] as Duplex).write('exit\n');
    const timer = setTimeout(() => void this.kill(), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL by pid, then wait for the exit. */
  async kill(): Promise<void> {
    const { pid } = this.child;
    if (this.child.exitCode === null && this.child.signalCode === null && pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It exited between the check and the kill.
      }
    }
    await this.exited;
  }
}
