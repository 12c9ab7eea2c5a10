/**
 * The session's holdRead test seam (session.ts): a file item's read waits at its turn until the
 * test releases it, while the other items are written; a cancel or the deadline ends the hold
 * (never a hang), and the held item is then left out as any item the deadline reached first.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import type { ProgressEvent } from '../../../shared/types.js';
import { CancelledError } from '../../../electron/engine/errors.js';
import { runSession, type SessionOptions } from '../../../electron/engine/session.js';
import { testCollector } from '../../helpers/collector.js';
import { readZip } from '../../helpers/zip.js';

function setup() {
  const dir = mkdtempSync(join(os.tmpdir(), 'session-hold-'));
  const held = join(dir, 'held.log');
  const other = join(dir, 'other.log');
  writeFileSync(held, 'held line\n');
  writeFileSync(other, 'other line\n');
  const collector = testCollector('app-files', async (ctx) => {
    await ctx.addFile('held.log', held);
    await ctx.addFile('other.log', other);
  });
  let reached!: () => void;
  const reading = new Promise<void>((resolve) => (reached = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const events: ProgressEvent[] = [];
  const options: SessionOptions = {
    ticket: '4711',
    policy: DEFAULT_POLICY,
    outDir: join(dir, 'out'),
    collectors: [collector],
    checks: [],
    lang: 'en',
    host: 'pc-01',
    onProgress: (e) => events.push(e),
    holdRead: (item) => {
      if (item.source !== held) return undefined;
      reached();
      return released;
    },
  };
  const written = () => events.flatMap((e) => (e.type === 'item' ? [e.name] : []));
  return { options, reading, release, written, outDir: join(dir, 'out') };
}

describe('session: holdRead (test seam)', () => {
  it('holds one item at its turn while the others are written; released, it is archived whole', async () => {
    const { options, reading, release, written } = setup();
    const run = runSession(options);
    await reading;
    await expect.poll(written).toEqual(['other.log']);
    release();
    const result = await run;
    expect(written()).toEqual(['other.log', 'held.log']);
    const entries = await readZip(result.archivePath);
    expect(entries.find((e) => e.name === 'held.log')?.data.toString('utf8')).toBe('held line\n');
  });

  it('a cancel ends the hold: the run stops, nothing is left behind', async () => {
    const { options, reading, outDir } = setup();
    const abort = new AbortController();
    const run = runSession({ ...options, signal: abort.signal });
    await reading;
    abort.abort();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });

  it('the deadline ends the hold: the held item is left out and says why', async () => {
    const { options, reading } = setup();
    let held = false;
    void reading.then(() => (held = true));
    // Long enough for the first item's turn on a loaded machine; the hold then lasts until the deadline.
    const result = await runSession({ ...options, deadline: new Date(Date.now() + 5_000) });
    expect(held).toBe(true);
    expect(result.manifest.items.map((i) => i.name)).not.toContain('held.log');
    expect(result.manifest.skipped).toContainEqual(expect.objectContaining({ source: expect.stringContaining('held.log'), reason: expect.stringMatching(/not archived: the session deadline .* passed before its turn/) }));
  });
});
