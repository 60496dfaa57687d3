import type { HttpSession } from './http-session.js';

/** Live sessions by id, with a cap and idle expiry swept by one unref'd timer. */
export class SessionRegistry {
  private readonly sessions = new Map<string, HttpSession>();
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly maxSessions: number,
    private readonly idleMs: number,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  get(id: string): HttpSession | undefined {
    return this.sessions.get(id);
  }

  get full(): boolean {
    return this.sessions.size >= this.maxSessions;
  }

  add(session: HttpSession): void {
    this.sessions.set(session.id, session);
    if (this.idleMs > 0 && !this.sweeper) {
      // Sweeping at a fraction of the timeout bounds how late an expiry can be.
      const every = Math.max(10, Math.min(this.idleMs / 4, 60_000));
      this.sweeper = setInterval(() => this.sweep(), every);
      (this.sweeper as { unref?: () => void }).unref?.();
    }
  }

  remove(session: HttpSession): void {
    if (this.sessions.get(session.id) === session) this.sessions.delete(session.id);
    if (this.sessions.size === 0) this.stopSweeper();
  }

  /** End sessions idle longer than the timeout; busy ones (streams open) are kept. */
  sweep(now = Date.now()): void {
    for (const session of [...this.sessions.values()]) {
      if (!session.busy && now - session.lastActivity >= this.idleMs) void session.terminate();
    }
  }

  async closeAll(): Promise<void> {
    this.stopSweeper();
    await Promise.allSettled([...this.sessions.values()].map((s) => s.terminate()));
    this.sessions.clear();
  }

  private stopSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
