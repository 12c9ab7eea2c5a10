/**
 * The fault suite fakes every command a Linux collection can start. This keeps its list honest:
 * every command named literally in the Linux collectors and checks (not the .win32/.darwin
 * files) must be in it, so a new command cannot slip past the hang tests.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINUX_COMMANDS, ROOT } from './support.js';

/** Commands that only run on macOS or Windows, though named in a shared file. */
const NOT_LINUX = new Set(['sw_vers', 'launchctl', 'defaults', 'reg', 'route', 'softwareupdate', 'powershell.exe', 'pkgutil', 'screencapture', 'scutil', 'netsh', 'wmic', 'cmd', 'chcp', 'ping6', 'wevtutil', 'log', 'system_profiler', 'networksetup', 'ipconfig', 'tasklist']);

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts') && !/\.(win32|darwin)\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('faults: the fakes cover the commands', () => {
  it('every command named in the Linux collectors and checks has a hanging fake', async () => {
    const named = new Set<string>();
    const call = /(?:tryExec|commandText|addCommandLog|windowsText|run|text)\(\s*ctx,\s*(?:ctx\.name\([^)]*\),\s*)?'([\w.-]+)'|\.exec\(\s*'([\w.-]+)'|\{ cmd: '([\w.-]+)'|\['([\w.-]+)', \[/g;
    for (const file of [...(await sources(join(ROOT, 'electron/engine/collectors'))), ...(await sources(join(ROOT, 'electron/engine/checks')))]) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(call)) named.add((m[1] ?? m[2] ?? m[3] ?? m[4])!);
    }
    const missing = [...named].filter((c) => !NOT_LINUX.has(c) && !LINUX_COMMANDS.includes(c));
    expect(named.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
