import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/redactor.js';
import { redactBuffer, routeThroughRedactor } from '../../../../electron/engine/redact/route.js';

const collect = async (s: Readable) => {
  const out: Buffer[] = [];
  for await (const c of s) out.push(c as Buffer);
  return Buffer.concat(out);
};

describe('routing items through the redactor', () => {
  it('redacts text, counting per rule, across many small chunks', async () => {
    const text = 'start\n' + 'x'.repeat(20_000) + '\npassword=hunter2-secret\nmail bob@example.org\n';
    const chunks = text.match(/[\s\S]{1,7}/g)!.map((c) => Buffer.from(c));
    const { stream, outcome } = routeThroughRedactor(Readable.from(chunks), new Redactor());
    const out = (await collect(stream)).toString();
    const o = await outcome;
    expect(out).not.toContain('hunter2-secret');
    expect(out).not.toContain('bob@example.org');
    expect(out).toContain('password=<SECRET-1>');
    expect(o.binary).toBe(false);
    expect(o.counts['email']).toBe(1);
    expect(Object.values(o.counts).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('passes binary through byte for byte', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('password=x bob@example.org'), Buffer.alloc(50_000, 7)]);
    const { data, outcome } = await redactBuffer(png, new Redactor());
    expect(data.equals(png)).toBe(true);
    expect(outcome.binary).toBe(true);
    expect(outcome.counts).toEqual({});
  });

  it('keeps placeholders consistent across items of one archive', async () => {
    const r = new Redactor();
    const a = await redactBuffer(Buffer.from('from alice@corp.example\n'), r);
    const b = await redactBuffer(Buffer.from('to alice@corp.example\n'), r);
    expect(a.data.toString()).toBe('from <EMAIL-1>\n');
    expect(b.data.toString()).toBe('to <EMAIL-1>\n');
  });

  it('an empty item stays empty, and a source error reaches the archive stream', async () => {
    expect((await redactBuffer(Buffer.alloc(0), new Redactor())).data.length).toBe(0);
    const failing = new Readable({
      read() {
        this.push(Buffer.from('line one\n'.repeat(2000)));
        this.destroy(new Error('disk went away'));
      },
    });
    const { stream } = routeThroughRedactor(failing, new Redactor());
    await expect(collect(stream)).rejects.toThrow('disk went away');
  });

  it('a consumer that gives up (destroys the output) stops the source too: a file source is closed, not left to garbage collection', async () => {
    let sourceFinished = false;
    const source = Readable.from(
      (async function* () {
        try {
          for (let i = 0; i < 10_000; i += 1) yield Buffer.from(`line ${i} of a long log\n`.repeat(100));
        } finally {
          sourceFinished = true;
        }
      })(),
    );
    const { stream, outcome } = routeThroughRedactor(source, new Redactor());
    for await (const _ of stream) break; // reads one piece, then destroys the stream
    await expect(outcome).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
    expect(sourceFinished).toBe(true);
  });
});

