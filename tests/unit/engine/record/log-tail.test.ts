import { appendFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogTail, policyLogFiles } from '../../../../electron/engine/record/log-tail.js';

function setup() {
  const dir = mkdtempSync(join(os.tmpdir(), 'log-tail-'));
  const out = mkdtempSync(join(os.tmpdir(), 'log-tail-out-'));
  return { dir, out, tail: new LogTail({ dir: out, maxBytes: 1024 }) };
}

describe('LogTail (real files)', () => {
  it('takes only the lines appended after Start, across several polls', async () => {
    const { dir, out, tail } = setup();
    const log = join(dir, 'app.log');
    writeFileSync(log, 'before start 1\nbefore start 2\n');
    expect(await tail.follow(log)).toBe(true);
    appendFileSync(log, 'during 1\n');
    await tail.poll();
    appendFileSync(log, 'during 2\n');
    const [got] = await tail.finish();
    expect(got).toEqual({ source: log, file: 'app.log', bytes: 18 });
    expect(readFileSync(join(out, 'app.log'), 'utf8')).toBe('during 1\nduring 2\n');
  });

  it('reads a rotated (shrunk) log again from its start and says so', async () => {
    const { dir, out, tail } = setup();
    const log = join(dir, 'app.log');
    writeFileSync(log, 'x'.repeat(500));
    await tail.follow(log);
    renameSync(log, `${log}.1`);
    writeFileSync(log, 'new file after rotation\n');
    const [got] = await tail.finish();
    expect(got!.rotated).toBe(true);
    expect(readFileSync(join(out, 'app.log'), 'utf8')).toBe('new file after rotation\n');
  });

  it('keeps at most maxBytes of one log, and takes a file created during the recording whole', async () => {
    const { dir, out, tail } = setup();
    const big = join(dir, 'big.log');
    writeFileSync(big, '');
    await tail.follow(big);
    appendFileSync(big, 'y'.repeat(3000));
    const fresh = join(dir, 'fresh.log');
    writeFileSync(fresh, 'created during the recording\n');
    await tail.follow(fresh, true);
    const got = await tail.finish();
    expect(got.map((g) => [g.file, g.bytes])).toEqual([
      ['big.log', 1024],
      ['fresh.log', 29],
    ]);
    expect(readFileSync(join(out, 'fresh.log'), 'utf8')).toBe('created during the recording\n');
  });

  it('finds the files of the policy patterns, variables expanded; a missing file is not followed', async () => {
    const { dir, tail } = setup();
    writeFileSync(join(dir, 'a.log'), '');
    writeFileSync(join(dir, 'b.txt'), '');
    expect(await policyLogFiles(['$LOGS/*.log'], { LOGS: dir }, 'linux', 10)).toEqual([join(dir, 'a.log')]);
    expect(await tail.follow(join(dir, 'missing.log'))).toBe(false);
  });
});
