/**
 * Whether this machine has a systemd journal that journalctl can read: a container or a CI image
 * may have journalctl without journal files ("No journal files were found."), and tests of real
 * collectors then expect the collector's refusal instead of the entry.
 */
import { spawnSync } from 'node:child_process';

let cached: boolean | undefined;

export function machineHasJournal(): boolean {
  if (cached !== undefined) return cached;
  const r = spawnSync('journalctl', ['-n', '1', '--no-pager'], { encoding: 'utf8', timeout: 20_000 });
  cached = r.error === undefined && r.status === 0 && !/No journal files were found/i.test(r.stderr ?? '');
  return cached;
}
