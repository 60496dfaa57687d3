/** Default cap on one line (16 MiB). */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

export interface LineFramerOptions {
  /** called once per complete line, without its `\n` or `\r\n` (blank lines are skipped) */
  onLine(line: string): void;
  /** called once when a line grows past `maxLineBytes`; the rest of it, up to its `\n`, is dropped */
  onOverflow(limit: number): void;
  /** byte limit for one line, not counting its line ending (default 16 MiB) */
  maxLineBytes?: number;
}

/**
 * Splits a byte stream into newline-delimited lines.
 * Chunks are kept as they come and joined only once a newline ends the line, so a
 * line split over many reads costs one copy, not a quadratic string build. Lines are
 * decoded as UTF-8 only when complete, so a multi-byte character may straddle reads.
 * @example
 * const framer = new LineFramer({ onLine: handle, onOverflow: reject });
 * stream.on('data', (chunk) => framer.push(chunk));
 */
export class LineFramer {
  private readonly onLine: (line: string) => void;
  private readonly onOverflow: (limit: number) => void;
  private readonly limit: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** inside an over-long line: drop bytes until the next `\n` */
  private discarding = false;

  constructor(options: LineFramerOptions) {
    this.onLine = options.onLine;
    this.onOverflow = options.onOverflow;
    this.limit = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** bytes held for the line not yet ended */
  get buffered(): number {
    return this.pendingBytes;
  }

  /** feed one chunk as read from the stream */
  push(input: Buffer | string): void {
    const chunk = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    let start = 0;
    let nl = chunk.indexOf(LF, start);
    while (nl !== -1) {
      if (this.discarding) {
        this.discarding = false;
      } else if (this.pendingBytes + (nl - start) > this.limit) {
        this.overflow();
        this.discarding = false;
      } else if (this.pendingBytes === 0) {
        this.emit(chunk, start, nl);
      } else {
        this.pending.push(chunk.subarray(start, nl));
        const line = Buffer.concat(this.pending, this.pendingBytes + (nl - start));
        this.pending = [];
        this.pendingBytes = 0;
        this.emit(line, 0, line.length);
      }
      start = nl + 1;
      nl = chunk.indexOf(LF, start);
    }
    if (start >= chunk.length || this.discarding) return;
    const rest = chunk.length - start;
    if (this.pendingBytes + rest > this.limit) {
      this.overflow();
      return;
    }
    // subarray keeps a view on the read buffer: no copy until the line completes.
    this.pending.push(start === 0 ? chunk : chunk.subarray(start));
    this.pendingBytes += rest;
  }

  /**
   * The stream ended. Returns how many bytes of an unterminated last line were dropped
   * (a line only counts once its newline arrives).
   */
  end(): number {
    const dropped = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.discarding = false;
    return dropped;
  }

  private overflow(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.discarding = true;
    this.onOverflow(this.limit);
  }

  private emit(buf: Buffer, start: number, end: number): void {
    if (end > start && buf[end - 1] === CR) end--;
    if (end === start) return;
    // Whitespace-only lines carry no message; skip them instead of answering -32700.
    if (isBlank(buf, start, end)) return;
    this.onLine(buf.toString('utf8', start, end));
  }
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
  }
  return true;
}
