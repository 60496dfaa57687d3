const MAX_CHARS = 8192;

/** Keeps the last few KiB of a child's stderr, to explain why it died. */
export class StderrTail {
  private text = '';

  push(chunk: string): void {
    this.text += chunk;
    // Trim in big steps so a chatty child costs amortised O(1) per byte.
    if (this.text.length > 2 * MAX_CHARS) this.text = this.text.slice(-MAX_CHARS);
  }

  /** the last `count` non-blank lines */
  lines(count = 10): string[] {
    const all = this.text.slice(-MAX_CHARS).split(/\r?\n/);
    return all.filter((line) => line.trim() !== '').slice(-count);
  }
}
