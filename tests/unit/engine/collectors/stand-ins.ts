/**
 * Stand-in commands for the few cases this machine cannot produce for real (a journal that is
 * there, a journal too big for the cap, dmesg refused): small shell scripts put first on PATH,
 * so the collector under test still spawns a real process through the real exec.
 */
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StandIns {
  dir: string;
  restore(): void;
}

/**
 * Writes each script as an executable `#!/bin/sh` file named after its command. With
 * `only: true` PATH holds nothing else, plus the real commands listed in `keep` (symlinked).
 */
export function installStandIns(scripts: Record<string, string>, options: { only?: boolean; keep?: string[] } = {}): StandIns {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stand-ins-'));
  for (const [name, body] of Object.entries(scripts)) {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
  }
  for (const real of options.keep ?? []) symlinkSync(real, path.join(dir, path.basename(real)));
  const saved = process.env.PATH;
  process.env.PATH = options.only ? dir : `${dir}${path.delimiter}${saved ?? ''}`;
  return {
    dir,
    restore() {
      process.env.PATH = saved;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
