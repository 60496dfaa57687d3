import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineWriter } from '../src/line-writer.js';

/** A stdout stand-in whose buffer holds one write: every write reports backpressure. */
function slowStream() {
  const written: string[] = [];
  const callbacks: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _enc, callback) {
      written.push(chunk.toString());
      callbacks.push(callback);
    },
  });
  const release = () => {
    for (const cb of callbacks.splice(0)) cb();
  };
  return { stream, written, release };
}

const note = (n: number) => ({ jsonrpc: '2.0' as const, method: 'n', params: { n } });

describe('LineWriter', () => {
  it('writes one serialized message per line', () => {
    const written: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        written.push(chunk.toString());
        cb();
      },
    });
    const writer = new LineWriter(stream);
    expect(writer.write(note(1))).toBeUndefined();
    expect(written).toEqual(['{"jsonrpc":"2.0","method":"n","params":{"n":1}}\n']);
  });

  it('queues while write() returns false and resumes on drain, in order', async () => {
    const { stream, written, release } = slowStream();
    const writer = new LineWriter(stream);
    expect(writer.write(note(1))).toBeUndefined(); // accepted, but the buffer is now full
    const second = writer.write(note(2));
    const third = writer.write(note(3));
    expect(second).toBeInstanceOf(Promise);
    expect(writer.queued).toBe(2);
    expect(written).toEqual([`${JSON.stringify(note(1))}\n`]);

    release(); // drain → the second goes out and fills the buffer again
    await second;
    expect(writer.queued).toBe(1);
    expect(written).toHaveLength(2);

    release();
    await third;
    expect(writer.queued).toBe(0);
    expect(written).toEqual([1, 2, 3].map((n) => `${JSON.stringify(note(n))}\n`));
    release();
  });

  it('fail() rejects queued messages and refuses new ones', async () => {
    const { stream, release } = slowStream();
    const writer = new LineWriter(stream);
    writer.write(note(1));
    const queued = writer.write(note(2));
    const boom = new Error('EPIPE');
    writer.fail(boom);
    await expect(queued).rejects.toBe(boom);
    expect(() => writer.write(note(3))).toThrow(boom);
    release();
  });
});
