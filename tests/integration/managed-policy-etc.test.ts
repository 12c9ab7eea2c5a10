/**
 * The real /etc/diagcollect/policy.json on this machine (tests run as root here and in CI):
 * written, read by the real CLI, removed at once. A policy that was already there is restored.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../electron/cli/diagcollect.mjs', import.meta.url));
const FILE = '/etc/diagcollect/policy.json';
const canWriteEtc = process.getuid?.() === 0;

describe('managed policy from the real /etc/diagcollect/policy.json', () => {
  it.runIf(canWriteEtc)('policy show reports its values as managed, from that file, and locked', () => {
    const previous = existsSync(FILE) ? readFileSync(FILE) : undefined;
    mkdirSync('/etc/diagcollect', { recursive: true });
    // A value no other test depends on, so tests running beside this one are not affected.
    writeFileSync(FILE, JSON.stringify({ deadlineSeconds: 59 }));
    let out: ReturnType<typeof spawnSync>;
    try {
      out = spawnSync(process.execPath, [BIN, 'policy', 'show', '--json'], { encoding: 'utf8' });
    } finally {
      if (previous) writeFileSync(FILE, previous);
      else rmSync(FILE, { force: true });
    }
    expect(out.status).toBe(0);
    const shown = JSON.parse(String(out.stdout));
    expect(shown.sources).toContainEqual(expect.objectContaining({ kind: 'managed', location: FILE, present: true, problems: 0 }));
    expect(shown.values.find((v: { key: string }) => v.key === 'deadlineSeconds')).toEqual({ key: 'deadlineSeconds', value: 59, source: 'managed', location: FILE, locked: true });
    expect(shown.values.find((v: { key: string }) => v.key === 'concurrency')).toMatchObject({ source: 'default', locked: false });
    expect(shown.locked).toEqual(['deadlineSeconds']);
  });
});
