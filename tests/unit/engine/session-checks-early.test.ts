/**
 * sos19 (session 21): the checklist starts when the session does, before the archive is set up
 * (its waits — a gateway probe, `<browser> --version` — overlap the setup and the first items'
 * redaction instead of ending after the collectors), and a setup that fails stops it.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../electron/engine/checks/types.js';
import { runSession } from '../../../electron/engine/session.js';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import { testCollector } from '../../helpers/collector.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'session-checks-early-'));
const quick = testCollector('quick', async (ctx) => ctx.addText('a.txt', 'hello\n', 'test'));

function probeCheck(run: Check['run']): Check {
  return { id: 'probe', group: 'network', title: { code: 'title.pending-reboot' }, platforms: ['linux', 'win32', 'darwin'], timeoutMs: 60_000, run } as unknown as Check;
}

describe('the checklist and the session setup', () => {
  it('starts before the output folder is made and the archive name reserved, and its result is in the archive', async () => {
    const outDir = join(tmp(), 'out');
    let folderAtStart: boolean | undefined;
    const check = probeCheck(async () => {
      folderAtStart = existsSync(outDir);
      return { status: 'warn', detail: { code: 'reboot.updatesWith', args: { packages: 'early-pkg' } } };
    });
    const result = await runSession({ ticket: '31', policy: DEFAULT_POLICY, outDir, collectors: [quick], checks: [check], lang: 'en' });
    expect(folderAtStart).toBe(false);
    expect(existsSync(outDir)).toBe(true);
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([['probe', 'warn']]);
  });

  it('is stopped when the setup fails (the output folder cannot be made), not left running', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, 'not a folder\n');
    let stopped!: () => void;
    const stoppedNow = new Promise<void>((resolve) => (stopped = resolve));
    let started = false;
    const check = probeCheck(
      (ctx) =>
        new Promise((resolve) => {
          started = true;
          // Waits as a probe of an address that never answers would, until its signal ends it.
          ctx.signal.addEventListener('abort', () => {
            stopped();
            resolve({ status: 'skipped', detail: { code: 'runner.cancelled' } });
          });
        }),
    );
    await expect(runSession({ ticket: '32', policy: DEFAULT_POLICY, outDir: join(file, 'out'), collectors: [quick], checks: [check], lang: 'en' })).rejects.toThrow(/ENOTDIR|not a directory/i);
    expect(started).toBe(true);
    // Aborted by then, not at its own 60 s timeout.
    await stoppedNow;
  });
});
