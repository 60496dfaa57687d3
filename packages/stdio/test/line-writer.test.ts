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

  it('in batch mode writes the first line of a tick at once and gathers the rest into one write', async () => {
    const written: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        written.push(chunk.toString());
        cb();
      },
    });
    const writer = new LineWriter(stream, { batch: true });
    const line = (n: number) => `${JSON.stringify(note(n))}\n`;
    expect(writer.write(note(1))).toBeUndefined(); // the first of the tick goes out at once
    expect(writer.write(note(2))).toBeUndefined();
    expect(writer.write(note(3))).toBeUndefined();
    expect(written).toEqual([line(1)]);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(written).toEqual([line(1), line(2) + line(3)]);
    writer.write(note(4)); // a new tick: at once again
    writer.write(note(5));
    writer.flush(); // e.g. before the stream is ended
    expect(written).toEqual([line(1), line(2) + line(3), line(4), line(5)]);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(written).toHaveLength(4);
  });

  it('in batch mode queues behind backpressure after the batched write, in order', async () => {
    const written: string[] = [];
    const callbacks: (() => void)[] = [];
    const line = (n: number) => `${JSON.stringify(note(n))}\n`;
    const stream = new Writable({
      highWaterMark: line(1).length * 2, // room for one line, not for three
      write(chunk: Buffer, _enc, callback) {
        written.push(chunk.toString());
        callbacks.push(callback);
      },
    });
    const writer = new LineWriter(stream, { batch: true });
    expect(writer.write(note(1))).toBeUndefined();
    expect(writer.write(note(2))).toBeUndefined();
    expect(writer.write(note(3))).toBeUndefined();
    await new Promise((resolve) => process.nextTick(resolve)); // 2 + 3 go out and fill it
    const fourth = writer.write(note(4));
    expect(fourth).toBeInstanceOf(Promise);
    expect(writer.queued).toBe(1);
    for (let i = 0; i < 3; i++) {
      for (const cb of callbacks.splice(0)) cb();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await fourth;
    expect(written).toEqual([line(1), line(2) + line(3), line(4)]);
    for (const cb of callbacks.splice(0)) cb();
  });

  it('fail() drops the lines gathered for this tick', async () => {
    const written: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        written.push(chunk.toString());
        cb();
      },
    });
    const writer = new LineWriter(stream, { batch: true });
    writer.write(note(1));
    writer.write(note(2));
    writer.fail(new Error('EPIPE'));
    await new Promise((resolve) => process.nextTick(resolve));
    expect(written).toEqual([`${JSON.stringify(note(1))}\n`]);
  });
});
